import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { AUDIT_ENTITY_TYPES, auditActionLabel } from "@/lib/audit/actions";

export const metadata = { title: "操作日志" };

const PAGE = 50;
const OUTCOME: Record<string, string> = { OK: "✓ 成功", REFUSED: "⛔ 拒绝", FAILED: "✗ 失败" };
const entityLabel = (t: string) => (AUDIT_ENTITY_TYPES as Record<string, string>)[t] ?? t;

/** Newest first, keyset-paginated by id (the log only grows). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string; actor?: string }> }) {
  await requirePagePermission("audit:read", "/admin/audit");
  const sp = await searchParams;
  const before = sp.before && /^\d{1,19}$/.test(sp.before) ? BigInt(sp.before) : undefined;
  const rows = await db().auditLog.findMany({
    where: { ...(before ? { id: { lt: before } } : {}), ...(sp.actor ? { actorName: { contains: sp.actor.slice(0, 32) } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
  });
  const more = rows.length > PAGE;
  const page = rows.slice(0, PAGE);
  const oldest = page.at(-1);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">操作日志</h1>
      <p className="mb-4 text-gray-700">登录、管理操作和被拒绝的越权请求均记录在此，日志只能追加，不能修改或删除。</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="actor" className="mb-1 block font-medium">
            操作人
          </label>
          <input id="actor" name="actor" defaultValue={sp.actor ?? ""} className="rounded border border-gray-500 px-3 py-2" />
        </div>
        <button className="rounded border border-gray-600 px-4 py-2 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700">
          筛选
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">操作日志</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="p-2">
                时间
              </th>
              <th scope="col" className="p-2">
                操作人
              </th>
              <th scope="col" className="p-2">
                操作
              </th>
              <th scope="col" className="p-2">
                对象
              </th>
              <th scope="col" className="p-2">
                结果
              </th>
              <th scope="col" className="p-2">
                IP
              </th>
              <th scope="col" className="p-2">
                说明
              </th>
            </tr>
          </thead>
          <tbody>
            {page.map((r) => (
              <tr key={r.id.toString()} className="border-b border-gray-200 align-top">
                <td className="whitespace-nowrap p-2">{r.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</td>
                <td className="p-2">{r.actorName || "—"}</td>
                <td className="p-2">
                  {auditActionLabel(r.action)} <span className="font-mono text-xs text-gray-700">{r.action}</span>
                </td>
                <td className="p-2">
                  {entityLabel(r.entityType)}
                  {r.entityId ? ` ${r.entityId.slice(0, 24)}` : ""}
                </td>
                <td className="p-2">{OUTCOME[r.outcome] ?? r.outcome}</td>
                <td className="p-2">{r.ip}</td>
                <td className="p-2">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && oldest ? (
        <p className="mt-4">
          <Link
            className="text-blue-800 underline"
            href={`/admin/audit?before=${oldest.id}${sp.actor ? `&actor=${encodeURIComponent(sp.actor)}` : ""}`}
          >
            更早的记录
          </Link>
        </p>
      ) : null}
    </>
  );
}
