import { db } from "@/lib/db/client";

/** Departments as indented select options, in tree order. */
export async function departmentOptions(): Promise<Array<{ value: string; label: string }>> {
  const all = await db().department.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, parentId: true },
  });
  const out: Array<{ value: string; label: string }> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const d of all.filter((x) => x.parentId === parentId)) {
      out.push({ value: d.id, label: `${"　".repeat(depth)}${d.name}` });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
