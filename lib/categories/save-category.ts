import type { Db, Tx } from "@/lib/db/client";
import { defineVerb, type VerbActor, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy, type CategoryFacts } from "@/lib/auth/admin-policy";
import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { categorySchema, type CategoryInput } from "./category-schema";
import { categoryUsage } from "./category-usage";
import { isSystemCategoryCode } from "./system-codes";

export const DUPLICATE_CODE_MESSAGE = "该分类代码已被使用";
export const CYCLE_MESSAGE = "不能把分类设为自己或下级分类的下级";

// Create or update a node of the 法定主动公开内容 tree. Refuses a duplicate code, a missing
// parent and cycles; once any disclosure revision uses the category its code is fixed,
// because the code is part of every 索引号 issued under it (索引号 must stay stable). Which
// code changes are allowed is the admin policy's `category.change-code` answer.

type Placement = { codeOwner: string | null; parentExists: boolean; ancestors: string[] };

async function placement(tx: Tx, input: CategoryInput): Promise<Placement> {
  const owner = await tx.category.findUnique({ where: { code: input.code }, select: { id: true } });
  const ancestors: string[] = [];
  let parentExists = true;
  if (input.parentId) {
    // FOR SHARE: a concurrent deleteCategory of the parent waits for this save (and then
    // sees the new child) or has already removed it (and this save is refused).
    const parent = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${input.parentId} FOR SHARE`;
    parentExists = parent.length > 0;
    // The new parent and everything above it; the `includes` check also stops on a cycle
    // already in the data.
    for (let cur: string | null = parentExists ? input.parentId : null; cur && !ancestors.includes(cur);) {
      ancestors.push(cur);
      const row: { parentId: string | null } | null = await tx.category.findUnique({ where: { id: cur }, select: { parentId: true } });
      cur = row?.parentId ?? null;
    }
  }
  return { codeOwner: owner?.id ?? null, parentExists, ancestors };
}

/** Pure: the tree rules shared by create and update. */
function checkPlacement(id: string | null, p: Placement): void {
  if (p.codeOwner && p.codeOwner !== id) throw new ValidationError({ code: [DUPLICATE_CODE_MESSAGE] });
  if (!p.parentExists) throw new ValidationError({ parentId: ["上级分类不存在"] });
  if (id && p.ancestors.includes(id)) throw new ValidationError({ parentId: [CYCLE_MESSAGE] });
}

function fields(input: CategoryInput) {
  return {
    code: input.code,
    name: input.name,
    article: input.article,
    description: input.description,
    parentId: input.parentId,
    sortOrder: input.sortOrder,
  };
}

function codeTaken(e: unknown): never {
  // Two saves with the same new code at the same moment: the unique index decides.
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
    throw new ValidationError({ code: [DUPLICATE_CODE_MESSAGE] });
  throw e;
}

/** Locks the row for the rest of the transaction (concurrent edits of one category queue up). */
export async function lockCategory(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) return null;
  return tx.category.findUnique({ where: { id } });
}

/** The category as the admin policy sees it (children, use, system code). */
export async function categoryFacts(tx: Tx | Db, c: { id: string; code: string }): Promise<CategoryFacts> {
  const children = await tx.category.count({ where: { parentId: c.id } });
  const usage = await categoryUsage(tx, c.id);
  return { code: c.code, children, ...usage, systemCode: isSystemCategoryCode(c.code) };
}

export const createCategory = defineVerb({
  action: "category.create",
  entityType: "Category",
  permission: "categories:manage",
  input: categorySchema,
  entityId: () => "",
  load: ({ tx, input }) => placement(tx, input),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor), "category.create");
    checkPlacement(null, loaded);
  },
  apply: async ({ tx, input }) => {
    const created = await tx.category.create({ data: fields(input) }).catch(codeTaken);
    await notifyCatalogueChanged(tx, `category:${created.id}`);
    return created;
  },
  audit: ({ result }) => ({ entityId: result.id, after: result }),
});

export const updateCategory = defineVerb({
  action: "category.update",
  entityType: "Category",
  permission: "categories:manage",
  input: categorySchema,
  entityId: (input) => input.id ?? "",
  notFoundMessage: "该分类不存在",
  load: async ({ tx, input }) => {
    const before = input.id ? await lockCategory(tx, input.id) : null;
    if (!before) return null;
    return { before, facts: await categoryFacts(tx, before), placement: await placement(tx, input) };
  },
  decide: ({ actor, input, loaded }) => {
    const answers = adminPolicy(actor, { category: loaded.facts });
    requireAllowed(answers, "category.update");
    checkPlacement(loaded.before.id, loaded.placement);
    const recode = answers["category.change-code"];
    if (input.code !== loaded.before.code && !recode.allowed) throw new ValidationError({ code: [recode.reason] });
  },
  apply: async ({ tx, input, loaded }) => {
    const after = await tx.category.update({ where: { id: loaded.before.id }, data: fields(input) }).catch(codeTaken);
    // Category names appear on public pages: clear the cached ones on commit.
    await notifyCatalogueChanged(tx, `category:${after.id}`);
    return after;
  },
  audit: ({ loaded, result }) => ({ before: loaded.before, after: result }),
});

/** The category form: creates without an id, updates with one. */
export function saveCategory(actor: VerbActor | undefined, input: CategoryInput, opts?: VerbOptions) {
  return input.id ? updateCategory(actor, input, opts) : createCategory(actor, input, opts);
}
