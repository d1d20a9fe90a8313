import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";
import { signIn } from "@/lib/auth/sign-in";
import { DEMO_PASSWORD } from "@/lib/seed/organisation";

describe("demo seed", () => {
  // The whole demo seed (several hundred items, search index) outlasts the default timeout on a busy machine.
  it("creates the county, an account per role and the category tree, once", async () => {
    const first = await seedDemo(db());
    expect(first).toContain("base-organisation");
    expect(await db().department.count()).toBeGreaterThanOrEqual(8);
    const roots = await db().category.findMany({ where: { parentId: null }, orderBy: { sortOrder: "asc" } });
    expect(roots.filter((c) => c.article.startsWith("第二十条"))).toHaveLength(15);
    const art21 = await db().category.findMany({ where: { article: "第二十一条", parentId: { not: null } } });
    expect(art21.map((c) => c.name)).toEqual(
      expect.arrayContaining(["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"]),
    );
    const a15 = await db().category.findUniqueOrThrow({ where: { code: "A15" }, include: { children: { orderBy: { sortOrder: "asc" } } } });
    expect(a15.children.map((c) => c.code)).toEqual(["A1501", "A1502"]);
    expect(first).toContain("categories-v2");
    for (const username of ["admin", "clerk", "reviewer", "director", "principal"]) {
      expect((await signIn({ username, password: DEMO_PASSWORD }, { ip: "", userAgent: "" })).ok).toBe(true);
    }
    expect(await seedDemo(db())).toEqual([]);
  }, 180_000);
});
