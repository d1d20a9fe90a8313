import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { categorySchema, type CategoryInput } from "@/lib/categories/category-schema";
import { saveCategory } from "@/lib/categories/save-category";
import { deleteCategory } from "@/lib/categories/delete-category";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem } from "@/lib/disclosure/save-item";
import { onCatalogueChanged, startCatalogueListener, stopCatalogueListener } from "@/lib/disclosure/public-cache";
import { ForbiddenError, InvalidTransitionError, ValidationError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";

const meta = { ip: "198.51.100.7" };
const base = { article: "", description: "", parentId: null, sortOrder: 0 } satisfies Partial<CategoryInput>;

let o: DisclosureOrg;
const notified: string[] = [];
let off: () => void;

beforeAll(async () => {
  o = await makeDisclosureOrg(db());
  await startCatalogueListener();
  off = onCatalogueChanged((id) => notified.push(id));
});

afterAll(async () => {
  off();
  await stopCatalogueListener();
});

/** Waits (≤ 1 s) for a catalogue notification with this payload. */
async function notifiedWith(payload: string) {
  const start = Date.now();
  while (!notified.includes(payload)) {
    if (Date.now() - start > 1000) throw new Error(`no notification ${payload}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("category administration: authorization pair", () => {
  it("refuses a clerk (and audits the refusal) but lets an administrator create a category", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const input = { ...base, code: "T01", name: "测试分类", article: "第二十条第（一）项" };

    await expect(saveCategory(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().category.count({ where: { code: "T01" } })).toBe(0);
    const refusal = await db().auditLog.findFirstOrThrow({ where: { actorId: clerk.id, outcome: "REFUSED" } });
    expect(refusal).toMatchObject({ action: "category.create", entityType: "Category", ip: meta.ip });
    await expect(deleteCategory(clerk, { id: "whatever" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await db().auditLog.count({ where: { actorId: clerk.id, action: "category.delete", entityId: "whatever", outcome: "REFUSED" } }),
    ).toBe(1);

    const c = await saveCategory(admin, input, meta);
    expect(c).toMatchObject({ code: "T01", name: "测试分类", article: "第二十条第（一）项", parentId: null });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "category.create", entityId: c.id } });
    expect(entry).toMatchObject({ actorId: admin.id, outcome: "OK", ip: meta.ip, before: null });
    expect(entry.after).toMatchObject({ code: "T01", name: "测试分类" });
    await notifiedWith(`category:${c.id}`);
  });

  it("refuses a clerk's rename and deletion (row unchanged, refusals audited) but lets an administrator do both", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const c = await saveCategory(admin, { ...base, code: "T02", name: "原名称" }, meta);

    await expect(saveCategory(clerk, { ...base, id: c.id, code: "T02", name: "越权改名" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteCategory(clerk, { id: c.id }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().category.findUniqueOrThrow({ where: { id: c.id } })).toEqual(c);
    const refused = await db().auditLog.findMany({
      where: { actorId: clerk.id, entityId: c.id, outcome: "REFUSED" },
      orderBy: { id: "asc" },
    });
    expect(refused.map((r) => r.action)).toEqual(["category.update", "category.delete"]);

    expect(await saveCategory(admin, { ...base, id: c.id, code: "T02", name: "新名称" }, meta)).toMatchObject({ name: "新名称" });
    await deleteCategory(admin, { id: c.id }, meta);
    expect(await db().category.count({ where: { id: c.id } })).toBe(0);
  });

  it("refuses an undefined actor", async () => {
    await expect(saveCategory(undefined, { ...base, code: "T99", name: "无" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().category.count({ where: { code: "T99" } })).toBe(0);
  });
});

describe("category administration: tree rules", () => {
  it("refuses a duplicate code and a cycle with field errors, changing nothing", async () => {
    const admin = await makeActor(["ADMIN"]);
    const a = await saveCategory(admin, { ...base, code: "T10", name: "甲类" }, meta);
    const b = await saveCategory(admin, { ...base, code: "T1001", name: "甲类之一", parentId: a.id }, meta);
    const c = await saveCategory(admin, { ...base, code: "T100101", name: "甲类之一之一", parentId: b.id }, meta);
    const snapshot = await db().category.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { code: "asc" } });
    const done = () => db().auditLog.count({ where: { outcome: "OK" } });
    const refusals = () => db().auditLog.count({ where: { actorId: admin.id, outcome: "REFUSED" } });
    const okBefore = await done();

    await expect(saveCategory(admin, { ...base, code: "T10", name: "重复" }, meta)).rejects.toMatchObject({
      fieldErrors: { code: ["该分类代码已被使用"] },
    });
    await expect(saveCategory(admin, { ...base, id: b.id, code: "T10", name: "甲类之一", parentId: a.id }, meta)).rejects.toMatchObject({
      fieldErrors: { code: ["该分类代码已被使用"] },
    });
    // Under its own grandchild, and under itself.
    await expect(saveCategory(admin, { ...base, id: a.id, code: "T10", name: "甲类", parentId: c.id }, meta)).rejects.toMatchObject({
      fieldErrors: { parentId: ["不能把分类设为自己或下级分类的下级"] },
    });
    await expect(saveCategory(admin, { ...base, id: b.id, code: "T1001", name: "甲类之一", parentId: b.id }, meta)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(saveCategory(admin, { ...base, code: "T11", name: "孤儿", parentId: "no-such-category" }, meta)).rejects.toMatchObject({
      fieldErrors: { parentId: ["上级分类不存在"] },
    });

    expect(await db().category.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { code: "asc" } })).toEqual(snapshot);
    expect(await db().category.count({ where: { code: { in: ["T11"] } } })).toBe(0);
    // Nothing changed, and each refusal is on the record.
    expect(await done()).toBe(okBefore);
    expect(await refusals()).toBe(5);

    // Moving a node elsewhere in the tree (not below itself) is fine.
    const moved = await saveCategory(admin, { ...base, id: c.id, code: "T100101", name: "甲类之一之一", parentId: a.id }, meta);
    expect(moved.parentId).toBe(a.id);
  });

  it("fixes the code once an item uses the category, but still allows renaming (with before/after audit)", async () => {
    const admin = await makeActor(["ADMIN"]);
    const cat = await saveCategory(admin, { ...base, code: "T20", name: "使用中的分类", article: "第二十条第（七）项" }, meta);
    // Unused: the code may still change.
    const recoded = await saveCategory(
      admin,
      { ...base, id: cat.id, code: "T21", name: "使用中的分类", article: "第二十条第（七）项" },
      meta,
    );
    expect(recoded.code).toBe("T21");

    // A clerk drafts an item in it (a draft revision: nothing public yet).
    const item = await createItem(o.clerk, { values: itemValues(cat.id, { title: "分类管理测试事项" }) });
    expect(item.indexNumber).toContain("/T21-");

    await expect(
      saveCategory(admin, { ...base, id: cat.id, code: "T22", name: "使用中的分类", article: "第二十条第（七）项" }, meta),
    ).rejects.toMatchObject({
      fieldErrors: { code: [expect.stringContaining("不能修改代码")] },
    });
    expect((await db().category.findUniqueOrThrow({ where: { id: cat.id } })).code).toBe("T21");

    notified.length = 0;
    const renamed = await saveCategory(
      admin,
      { ...base, id: cat.id, code: "T21", name: "财政预决算", article: "第二十条第（七）项", description: "预算、决算" },
      meta,
    );
    expect(renamed).toMatchObject({ code: "T21", name: "财政预决算", description: "预算、决算" });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "category.update", entityId: cat.id }, orderBy: { id: "desc" } });
    expect(entry.before).toMatchObject({ code: "T21", name: "使用中的分类", description: "" });
    expect(entry.after).toMatchObject({ code: "T21", name: "财政预决算", description: "预算、决算" });
    expect(entry.actorId).toBe(admin.id);
    await notifiedWith(`category:${cat.id}`);
  });

  it("keeps the codes the application looks up (structured disclosures, annual reports) fixed", async () => {
    const admin = await makeActor(["ADMIN"]);
    const fees = await saveCategory(admin, { ...base, code: "A08", name: "行政事业性收费项目及其依据、标准" }, meta);
    await expect(saveCategory(admin, { ...base, id: fees.id, code: "A0801", name: "收费" }, meta)).rejects.toMatchObject({
      fieldErrors: { code: [expect.stringContaining("由系统功能")] },
    });
    await expect(deleteCategory(admin, { id: fees.id }, meta)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await db().category.count({ where: { id: fees.id, code: "A08" } })).toBe(1);
  });
});

describe("category administration: deletion", () => {
  it("refuses while the category has children or is used, and deletes an unused leaf with an audit entry", async () => {
    const admin = await makeActor(["ADMIN"]);
    const parent = await saveCategory(admin, { ...base, code: "T30", name: "待删上级" }, meta);
    const child = await saveCategory(admin, { ...base, code: "T3001", name: "待删下级", parentId: parent.id }, meta);
    const used = await saveCategory(admin, { ...base, code: "T31", name: "已用分类" }, meta);
    await createItem(o.clerk, { values: itemValues(used.id, { title: "删除测试事项" }) });

    await expect(deleteCategory(admin, { id: parent.id }, meta)).rejects.toThrow("该分类下还有 1 个下级分类");
    await expect(deleteCategory(admin, { id: used.id }, meta)).rejects.toThrow(/已有 1 个信息版本使用.*不能删除/);
    expect(await db().category.count({ where: { id: { in: [parent.id, child.id, used.id] } } })).toBe(3);
    expect(await db().auditLog.count({ where: { action: "category.delete", outcome: "OK", actorId: admin.id } })).toBe(0);

    notified.length = 0;
    await deleteCategory(admin, { id: child.id }, meta);
    await deleteCategory(admin, { id: parent.id }, meta);
    expect(await db().category.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(0);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "category.delete", entityId: child.id } });
    expect(entry).toMatchObject({ actorId: admin.id, outcome: "OK", after: null });
    expect(entry.before).toMatchObject({ code: "T3001", name: "待删下级", parentId: parent.id });
    await notifiedWith(`category:${parent.id}`);

    await expect(deleteCategory(admin, { id: parent.id }, meta)).rejects.toThrow("该分类不存在");
  });
});

describe("category form schema", () => {
  it("validates with Chinese field messages", () => {
    const r = categorySchema.safeParse({
      code: "a-1",
      name: "",
      article: "条".repeat(41),
      description: "述".repeat(501),
      sortOrder: "10000",
      parentId: "",
    });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toContain("code: 分类代码须为 1–10 位数字或大写字母");
    expect(msgs).toContain("name: 请填写分类名称");
    expect(msgs).toContain("article: 条例依据不能超过 40 个字符");
    expect(msgs).toContain("description: 分类说明不能超过 500 个字符");
    expect(msgs).toContain("sortOrder: 排序须为 0–9999 之间的整数");

    expect(categorySchema.safeParse({ code: "", name: "x" }).error!.issues.map((i) => i.message)).toEqual(["请填写分类代码"]);
    expect(categorySchema.safeParse({ code: "A".repeat(11), name: "x" }).success).toBe(false);
    expect(categorySchema.safeParse({ code: "A010401", name: " 地方目录 ", parentId: "", sortOrder: "" }).data).toMatchObject({
      code: "A010401",
      name: "地方目录",
      article: "",
      description: "",
      parentId: null,
      sortOrder: 0,
    });
  });
});
