// 领导分工 as of a date: each leader's latest revision published by the end of that day
// (China time), shown when the leader was in office on that day and the record had not been
// withdrawn by then. Without a date: the published, not withdrawn revisions of leaders in
// office today.

import { civilDateInShanghai, isFormDate } from "@/lib/calendar/civil-date";
import { currentRecords, departmentNames, publishedHistory, publishedRecords } from "./queries";
import { inOffice, type LeaderData } from "./rules/leader";

/**
 * The 元数据 of the leader record shown: its 索引号 and publisher, and the publication of the
 * revision shown (in the "as of" view that is the revision in force on that date, not the
 * latest one).
 */
export type LeaderMeta = { indexNumber: string; publisher: string; firstPublishedAt: string | null; publishedAt: string | null };

export type LeaderView = LeaderData & { itemId: string; departmentName: string; overseesNames: string[]; meta: LeaderMeta };

export function parseAsOf(v: string | undefined): string | null {
  return v && isFormDate(v) ? v : null;
}

export async function leadersAsOf(date: string | null): Promise<LeaderView[]> {
  const [depts, records] = await Promise.all([departmentNames(), publishedRecords("LEADER")]);
  const metaOf = new Map(records.map((r) => [r.meta.itemId, r.meta]));
  let list: Array<{ itemId: string; data: LeaderData; publishedAt: string | null }>;
  if (!date) {
    const today = civilDateInShanghai(new Date());
    list = (await currentRecords("LEADER"))
      .filter((r) => inOffice(r.data, today))
      .map((r) => ({ itemId: r.meta.itemId, data: r.data, publishedAt: r.meta.publishedAt }));
  } else {
    // End of the day in China (UTC+8).
    const end = new Date(`${date}T23:59:59.999+08:00`).toISOString();
    const latest = new Map<string, { data: LeaderData; publishedAt: string }>();
    for (const h of await publishedHistory("LEADER")) {
      if (h.publishedAt > end) continue;
      if (h.withdrawnAt && h.withdrawnAt <= end) latest.delete(h.itemId);
      else latest.set(h.itemId, { data: h.data, publishedAt: h.publishedAt });
    }
    list = [...latest.entries()].filter(([, v]) => inOffice(v.data, date)).map(([itemId, v]) => ({ itemId, ...v }));
  }
  return list
    .map(({ itemId, data, publishedAt }) => ({
      ...data,
      itemId,
      meta: {
        indexNumber: metaOf.get(itemId)?.indexNumber ?? "",
        publisher: metaOf.get(itemId)?.publisher ?? "",
        firstPublishedAt: metaOf.get(itemId)?.firstPublishedAt ?? null,
        publishedAt,
      },
      departmentName: depts.get(data.departmentId)?.name ?? "",
      overseesNames: data.oversees.map((o) => depts.get(o)?.name ?? "").filter(Boolean),
    }))
    .sort(
      (a, b) =>
        (depts.get(a.departmentId)?.sortOrder ?? 999) - (depts.get(b.departmentId)?.sortOrder ?? 999) ||
        a.sortOrder - b.sortOrder ||
        a.name.localeCompare(b.name, "zh-CN"),
    );
}

/**
 * Whether a leader photo may be served: only when a published revision that citizens can see
 * references it — the current one, or an earlier one shown by the "as of" view (items
 * withdrawn as published in error are left out of both). A photo uploaded with a draft stays
 * private until its sign-off and publication.
 */
export async function isPublicPhoto(photoId: string): Promise<boolean> {
  const current = await currentRecords("LEADER");
  if (current.some((r) => r.data.photoId === photoId)) return true;
  return (await publishedHistory("LEADER")).some((h) => h.data.photoId === photoId);
}
