import type { Db } from "@/lib/db/client";
import { CATEGORY_TREE, type CategorySeed } from "./categories";
import { DEMO_PASSWORD, DEMO_USERS, DEPARTMENTS, SITE } from "./organisation";
import { cachedHash } from "./factories";

/**
 * The platform's base demo data: site settings, the county's departments,
 * one account per role and the category tree. Idempotent (upserts by code),
 * so it can run on every start.
 */
export async function seedBase(client: Db): Promise<{ departments: Map<string, string> }> {
  await client.siteSetting.upsert({ where: { id: 1 }, create: { id: 1, ...SITE }, update: {} });

  const departments = new Map<string, string>();
  for (const [i, d] of DEPARTMENTS.entries()) {
    const { parent, ...rest } = d;
    const parentId = parent ? departments.get(parent) : null;
    const row = await client.department.upsert({
      where: { code: d.code },
      create: { ...rest, parentId, sortOrder: i },
      update: {},
    });
    departments.set(d.code, row.id);
  }

  const departmentIdOf = (code: string) => {
    const id = departments.get(code);
    if (!id) throw new Error(`seed: demo user in unknown department ${code}`);
    return id;
  };
  const passwordHash = await cachedHash(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await client.user.upsert({
      where: { username: u.username },
      create: {
        username: u.username,
        displayName: u.displayName,
        roles: u.roles,
        departmentId: departmentIdOf(u.department),
        passwordHash,
      },
      update: {},
    });
  }

  await seedCategories(client);
  return { departments };
}

/**
 * Creates the categories of CATEGORY_TREE that a database lacks (matched by code), under
 * their parents. Existing categories are left as they are (administrators may have renamed
 * or re-ordered them), so it is safe to run on any database, any number of times.
 */
export async function seedCategories(client: Db): Promise<void> {
  const insert = async (nodes: CategorySeed[], parentId: string | null) => {
    for (const [i, c] of nodes.entries()) {
      const row = await client.category.upsert({
        where: { code: c.code },
        create: { code: c.code, name: c.name, article: c.article, description: c.description ?? "", parentId, sortOrder: i },
        update: {},
      });
      if (c.children) await insert(c.children, row.id);
    }
  };
  await insert(CATEGORY_TREE, null);
}
