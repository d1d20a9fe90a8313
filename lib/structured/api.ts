// The read-only JSON API of the structured disclosures (docs/api-structured.md). Every
// answer is built from published revisions only.

import { publicMessage } from "@/lib/errors";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { feeRows, filterFees } from "./fees";
import { leadersAsOf, parseAsOf, type LeaderView } from "./leaders";
import { currentRecords, departmentNames, hasData, publishedRecords, type PublicMeta, type RecordWithData } from "./queries";
import { PUBLIC_FEE_STATUSES, type PublicFeeStatus } from "./rules/fee";

const HEADERS = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: HEADERS });
}

export async function guarded(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    const pm = publicMessage(e);
    return Response.json({ error: pm.message }, { status: pm.status >= 500 ? 503 : pm.status, headers: { "Cache-Control": "no-store" } });
  }
}

export const notFound = () => json({ error: "未找到" }, 404);

export const metaJson = (m: PublicMeta) => ({
  itemId: m.itemId,
  indexNumber: m.indexNumber,
  publisher: m.publisher,
  firstPublishedAt: m.firstPublishedAt,
  publishedAt: m.publishedAt,
  validity: m.validity,
  withdrawn: m.withdrawn,
});

type Depts = Awaited<ReturnType<typeof departmentNames>>;

const departmentJsonOf = (r: RecordWithData<"DEPARTMENT_PROFILE">, depts: Depts) => ({
  id: r.departmentId,
  code: depts.get(r.departmentId)?.code ?? "",
  name: depts.get(r.departmentId)?.name ?? "",
  kind: depts.get(r.departmentId)?.kind ?? "",
  parentId: depts.get(r.departmentId)?.parentId ?? null,
  ...r.data,
  url: `/xxgk/functions/${r.departmentId}`,
  meta: metaJson(r.meta),
});

/** Every department's current (published, not withdrawn) 机构职能. */
export async function departmentsJson() {
  const [records, depts] = await Promise.all([currentRecords("DEPARTMENT_PROFILE"), departmentNames()]);
  return records
    .sort((a, b) => (depts.get(a.departmentId)?.sortOrder ?? 999) - (depts.get(b.departmentId)?.sortOrder ?? 999))
    .map((r) => departmentJsonOf(r, depts));
}

/** One department's 机构职能 by department id or code (a withdrawn one too, marked in meta). */
export async function departmentJson(idOrCode: string) {
  const [records, depts] = await Promise.all([publishedRecords("DEPARTMENT_PROFILE"), departmentNames()]);
  const r =
    records.find(
      (x): x is RecordWithData<"DEPARTMENT_PROFILE"> =>
        hasData(x) && !x.meta.withdrawn && (x.departmentId === idOrCode || depts.get(x.departmentId)?.code === idOrCode),
    ) ??
    records.find(
      (x): x is RecordWithData<"DEPARTMENT_PROFILE"> =>
        hasData(x) && (x.departmentId === idOrCode || depts.get(x.departmentId)?.code === idOrCode),
    );
  return r ? departmentJsonOf(r, depts) : null;
}

export async function feesJson(params: URLSearchParams) {
  const status = params.get("status") ?? "";
  const rows = filterFees(
    await feeRows(),
    {
      q: params.get("q") ?? undefined,
      departmentId: params.get("department") ?? undefined,
      status: (PUBLIC_FEE_STATUSES as readonly string[]).includes(status) ? (status as PublicFeeStatus) : "",
      current: params.get("current") === "1" || params.get("current") === "true",
    },
    civilDateInShanghai(new Date()),
  );
  return rows.map((r) => ({ ...r, url: `/xxgk/fees/${r.itemId}` }));
}

export async function leadersJson(params: URLSearchParams) {
  const raw = params.get("date");
  const date = parseAsOf(raw ?? undefined);
  if (raw && !date) return { error: "date 须为 YYYY-MM-DD 格式的日期" } as const;
  const dept = params.get("department");
  const list = (await leadersAsOf(date)).filter((l) => !dept || l.departmentId === dept);
  return {
    date,
    leaders: list.map(leaderJsonOf),
  };
}

const leaderJsonOf = (l: LeaderView) => ({
  ...l,
  photoUrl: l.photoId ? `/xxgk/leaders/photo/${l.photoId}` : null,
  url: `/xxgk/leaders/${l.departmentId}`,
});

/**
 * One leader record by item id: its published revision (a withdrawn one too, marked in meta),
 * with the full 元数据 like the other /{id} endpoints.
 */
export async function leaderJson(itemId: string) {
  const r = (await publishedRecords("LEADER")).find((x): x is RecordWithData<"LEADER"> => x.meta.itemId === itemId && hasData(x));
  if (!r) return null;
  const depts = await departmentNames();
  const l = r.data;
  return {
    itemId: r.meta.itemId,
    ...l,
    departmentName: depts.get(l.departmentId)?.name ?? "",
    overseesNames: l.oversees.map((o) => depts.get(o)?.name ?? "").filter(Boolean),
    photoUrl: l.photoId ? `/xxgk/leaders/photo/${l.photoId}` : null,
    url: `/xxgk/leaders/${l.departmentId}`,
    meta: metaJson(r.meta),
  };
}

const serviceJsonOf = (r: RecordWithData<"SERVICE">) => ({
  itemId: r.meta.itemId,
  ...r.data,
  url: `/xxgk/services/${r.meta.itemId}`,
  meta: metaJson(r.meta),
});

export async function servicesJson(params: URLSearchParams) {
  const dept = params.get("department");
  const q = params.get("q")?.trim();
  return (await currentRecords("SERVICE"))
    .filter((r) => (!dept || r.departmentId === dept) && (!q || r.data.name.includes(q) || r.data.code.includes(q)))
    .map(serviceJsonOf);
}

/** One service guide (a withdrawn one too, marked in meta). */
export async function serviceJson(itemId: string) {
  const r = (await publishedRecords("SERVICE")).find((x): x is RecordWithData<"SERVICE"> => x.meta.itemId === itemId && hasData(x));
  return r ? serviceJsonOf(r) : null;
}
