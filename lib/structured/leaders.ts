// 领导分工 as of a date: each leader's latest revision published by the end of that day
// (China time), shown when the leader was in office on that day and the record had not been
// withdrawn by then. Without a date: the published, not withdrawn revisions of leaders in
// office today.

import { chinaDateOf, isDateString } from "@/lib/disclosure/rules/dates";
import { currentRecords, departmentNames, publishedHistory } from "./queries";
import { inOffice, type LeaderData } from "./rules/leader";

export type LeaderView = LeaderData & { itemId: string; departmentName: string; overseesNames: string[] };

export function parseAsOf(v: string | undefined): string | null {
  return v && isDateString(v) ? v : null;
}

export async function leadersAsOf(date: string | null): Promise<LeaderView[]> {
  const depts = await departmentNames();
  let list: Array<{ itemId: string; data: LeaderData }>;
  if (!date) {
    const today = chinaDateOf(new Date());
    list = (await currentRecords("LEADER"))
      .filter((r) => inOffice(r.data, today))
      .map((r) => ({ itemId: r.meta.itemId, data: r.data }));
  } else {
    // End of the day in China (UTC+8).
    const end = new Date(`${date}T23:59:59.999+08:00`).toISOString();
    const latest = new Map<string, LeaderData>();
    for (const h of await publishedHistory("LEADER")) {
      if (h.publishedAt > end) continue;
      if (h.withdrawnAt && h.withdrawnAt <= end) latest.delete(h.itemId);
      else latest.set(h.itemId, h.data);
    }
    list = [...latest.entries()].filter(([, d]) => inOffice(d, date)).map(([itemId, data]) => ({ itemId, data }));
  }
  return list
    .map(({ itemId, data }) => ({
      ...data,
      itemId,
      departmentName: depts.get(data.departmentId)?.name ?? "",
      overseesNames: data.oversees.map((o) => depts.get(o)?.name ?? "").filter(Boolean),
    }))
    .sort(
      (a, b) =>
        (depts.get(a.departmentId)?.sortOrder ?? 999) - (depts.get(b.departmentId)?.sortOrder ?? 999) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN"),
    );
}
