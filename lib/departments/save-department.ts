import type { Tx } from "@/lib/db/client";
import { defineVerb, type VerbActor, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { departmentSchema, UNKNOWN_CALENDAR_REGION_MESSAGE, type DepartmentInput } from "./department-schema";

export const DEPARTMENT_CODE_TAKEN = "该机构代码已被使用";
export const DEPARTMENT_CYCLE = "不能把机构设为自己或下级机构的下级";

/** What the tree rules need, read in the verb's transaction. */
type TreeFacts = { codeOwner: string | null; regionExists: boolean; parentExists: boolean; ancestors: string[] };

async function treeFacts(tx: Tx, input: DepartmentInput): Promise<TreeFacts> {
  const owner = await tx.department.findUnique({ where: { code: input.code }, select: { id: true } });
  // Checked here too (not only in the form schema): the region's deadlines must exist to be counted.
  const region = await tx.calendarRegion.findUnique({ where: { code: input.calendarRegion }, select: { code: true } });
  const ancestors: string[] = [];
  let parentExists = true;
  if (input.parentId) {
    parentExists = (await tx.department.findUnique({ where: { id: input.parentId }, select: { id: true } })) !== null;
    // The new parent and everything above it; `seen` stops on a cycle already in the data.
    for (let cur: string | null = input.parentId; cur && !ancestors.includes(cur);) {
      ancestors.push(cur);
      const row: { parentId: string | null } | null = await tx.department.findUnique({ where: { id: cur }, select: { parentId: true } });
      cur = row?.parentId ?? null;
    }
  }
  return { codeOwner: owner?.id ?? null, regionExists: region !== null, parentExists, ancestors };
}

/** Pure: a unique code, an existing calendar region and parent, and no cycle through `id`. */
function checkTree(id: string | null, f: TreeFacts): void {
  if (f.codeOwner && f.codeOwner !== id) throw new ValidationError({ code: [DEPARTMENT_CODE_TAKEN] });
  if (!f.regionExists) throw new ValidationError({ calendarRegion: [UNKNOWN_CALENDAR_REGION_MESSAGE] });
  if (!f.parentExists) throw new ValidationError({ parentId: ["上级机构不存在"] });
  if (id && f.ancestors.includes(id)) throw new ValidationError({ parentId: [DEPARTMENT_CYCLE] });
}

function fields(input: DepartmentInput) {
  const { id: _id, version: _version, ...data } = input;
  return { ...data, shortName: data.shortName || null };
}

function codeTaken(e: unknown): never {
  // Two saves with the same new code at the same moment: the unique index decides.
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new ValidationError({ code: [DEPARTMENT_CODE_TAKEN] });
  throw e;
}

export const createDepartment = defineVerb({
  action: "department.create",
  entityType: "Department",
  permission: "departments:manage",
  input: departmentSchema,
  entityId: () => "",
  load: ({ tx, input }) => treeFacts(tx, input),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor), "department.create");
    checkTree(null, loaded);
  },
  apply: async ({ tx, input }) => {
    const created = await tx.department.create({ data: fields(input) }).catch(codeTaken);
    // Department names and contacts appear on public pages: clear the cached ones on commit.
    await notifyCatalogueChanged(tx, `department:${created.id}`);
    return created;
  },
  audit: ({ result }) => ({ entityId: result.id, after: result }),
});

export const updateDepartment = defineVerb({
  action: "department.update",
  entityType: "Department",
  permission: "departments:manage",
  input: departmentSchema,
  entityId: (input) => input.id ?? "",
  notFoundMessage: "该机构不存在",
  load: async ({ tx, input }) => {
    if (!input.id) return null;
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Department" WHERE id = ${input.id} FOR UPDATE`;
    if (locked.length === 0) return null;
    const before = await tx.department.findUniqueOrThrow({ where: { id: input.id } });
    return { before, facts: await treeFacts(tx, input) };
  },
  version: (loaded) => loaded.before.updatedAt.getTime(),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor, { department: { id: loaded.before.id } }), "department.update");
    checkTree(loaded.before.id, loaded.facts);
  },
  apply: async ({ tx, loaded, input }) => {
    const after = await tx.department.update({ where: { id: loaded.before.id }, data: fields(input) }).catch(codeTaken);
    await notifyCatalogueChanged(tx, `department:${after.id}`);
    return after;
  },
  audit: ({ loaded, result }) => ({ before: loaded.before, after: result }),
});

/** The department form: creates without an id, updates with one. */
export function saveDepartment(actor: VerbActor | undefined, input: DepartmentInput, opts?: VerbOptions) {
  return input.id ? updateDepartment(actor, input, opts) : createDepartment(actor, input, opts);
}
