import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";

/** The category tree as indented options (parents before children). */
export async function categoryOptions() {
  const all = await db().category.findMany({
    select: { id: true, code: true, name: true, parentId: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const out: Array<{ value: string; label: string }> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of all.filter((x) => x.parentId === parentId)) {
      out.push({ value: c.id, label: `${"　".repeat(depth)}${c.code} ${c.name}` });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Published items in the user's scope, for "replaced by" and "interprets" selects. */
export async function publishedItemOptions(user: SessionUser, excludeId?: string) {
  const scope = await departmentScope(user);
  const items = await db().disclosureItem.findMany({
    where: {
      departmentId: { in: scope },
      publishedRevisionId: { not: null },
      state: { not: "WITHDRAWN" },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    select: { id: true, indexNumber: true, publishedRevision: { select: { title: true } } },
    orderBy: { publishedAt: "desc" },
    take: 300,
  });
  return items.map((i) => ({ value: i.id, label: `${i.publishedRevision?.title ?? ""}（${i.indexNumber}）` }));
}

export const formatDateTime = (d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(d) : "—";
export const formatDate = (d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d) : "—";
