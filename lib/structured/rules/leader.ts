// 领导分工: one leader's data and the rule on 分管单位. Pure.

import { z } from "zod";
import { id, isoDate, optDate, optText, text } from "./common";

export const leaderSchema = z
  .object({
    /** The government or department whose leadership page shows the leader. */
    departmentId: id("所属机构"),
    name: text("姓名", 30),
    title: text("职务", 100),
    photoId: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null)),
    duties: text("工作分工", 2000),
    oversees: z.array(z.string().trim().min(1)).default([]),
    cv: optText("简历", 3000),
    sortOrder: z.coerce.number({ error: "排序须为数字" }).int({ error: "排序须为整数" }).min(0).max(999).default(0),
    termStart: isoDate("任职日期"),
    termEnd: optDate("离任日期"),
  })
  .superRefine((v, ctx) => {
    if (v.termEnd && v.termEnd < v.termStart) {
      ctx.addIssue({ code: "custom", path: ["termEnd"], message: "离任日期不能早于任职日期" });
    }
    if (new Set(v.oversees).size !== v.oversees.length) {
      ctx.addIssue({ code: "custom", path: ["oversees"], message: "分管单位有重复" });
    }
  });
export type LeaderInput = z.input<typeof leaderSchema>;
export type LeaderData = z.output<typeof leaderSchema>;

export type DeptNode = { id: string; name: string; parentId: string | null; kind: string };

/** The government a department belongs to: itself when it is one, else the nearest GOVERNMENT ancestor. */
export function governmentOf(deptId: string, depts: readonly DeptNode[]): string | null {
  const byId = new Map(depts.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let cur = byId.get(deptId);
  while (cur && !seen.has(cur.id)) {
    if (cur.kind === "GOVERNMENT") return cur.id;
    seen.add(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return null;
}

/**
 * 分管单位 must be departments under the leader's government (not the government itself).
 * Returns the names (or ids) of the units that are not, for the refusal message.
 */
export function unitsOutsideGovernment(leaderDeptId: string, oversees: readonly string[], depts: readonly DeptNode[]): string[] {
  const gov = governmentOf(leaderDeptId, depts);
  const byId = new Map(depts.map((d) => [d.id, d]));
  return oversees.filter((u) => !gov || u === gov || governmentOf(u, depts) !== gov).map((u) => byId.get(u)?.name ?? u);
}

export function oversightMessage(outside: readonly string[]): string {
  return `分管单位须为本级政府所属部门，以下单位不属于该领导所在政府：${outside.join("、")}`;
}

/** Is the leader in office on `date` ("YYYY-MM-DD")? */
export function inOffice(l: Pick<LeaderData, "termStart" | "termEnd">, date: string): boolean {
  return l.termStart <= date && (!l.termEnd || l.termEnd >= date);
}
