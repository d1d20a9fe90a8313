import Link from "next/link";
import { db } from "@/lib/db/client";
import { departmentScope, requirePagePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { listApplications } from "@/lib/requests/queries";
import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage } from "@/lib/requests/rules/stages";
import { CHANNEL_LABELS } from "@/lib/requests/rules/receipt-date";
import { LinkButton, PageTitle, Pagination, Table } from "@/components/ui";
import { RequestClockBadge } from "@/components/admin/request-clock-badge";
import { formatDateCn } from "@/components/admin/request-format";

export const metadata = { title: "依申请公开办理" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePagePermission("request:read", "/admin/requests");
  const sp = await searchParams;
  const stage = (CASE_STAGES as readonly string[]).includes(one(sp.stage)) ? (one(sp.stage) as CaseStage) : "";
  const departmentId = one(sp.department);
  const q = one(sp.q).slice(0, 50);
  const attention = one(sp.attention) === "1";
  const page = Math.max(1, Number(one(sp.page)) || 1);
  const scope = await departmentScope(user);
  const [list, depts] = await Promise.all([
    listApplications(user, { stage, departmentId: departmentId || undefined, q, attention, page }),
    db().department.findMany({ where: { id: { in: scope } }, select: { id: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const totalPages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageTitle
        title="依申请公开办理"
        description="政府信息公开申请的登记、审核、办理、答复和归档。答复期限按工作日自动计算。"
        actions={
          hasPermission(user.roles, "request:register") ? (
            <LinkButton href="/admin/requests/new">登记纸质（当面、信函、传真、电子邮件）申请</LinkButton>
          ) : null
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-4" aria-label="筛选申请">
        <div>
          <label htmlFor="f-stage" className="mb-1 block font-medium">
            办理环节
          </label>
          <select id="f-stage" name="stage" defaultValue={stage} className="rounded border border-gray-500 bg-white px-3 py-2">
            <option value="">全部</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {CASE_STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-dept" className="mb-1 block font-medium">
            承办部门
          </label>
          <select id="f-dept" name="department" defaultValue={departmentId} className="rounded border border-gray-500 bg-white px-3 py-2">
            <option value="">全部</option>
            {depts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-q" className="mb-1 block font-medium">
            申请编号、申请人或内容
          </label>
          <input id="f-q" name="q" defaultValue={q} className="rounded border border-gray-500 bg-white px-3 py-2" />
        </div>
        <label className="inline-flex items-center gap-2 py-2">
          <input type="checkbox" name="attention" value="1" defaultChecked={attention} className="h-5 w-5" />
          只看已超期或3个工作日内到期
        </label>
        <button
          type="submit"
          className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
        >
          筛选
        </button>
      </form>
      <Table caption={`政府信息公开申请（共${list.total}件）`}>
        <thead>
          <tr>
            <th scope="col">申请编号</th>
            <th scope="col">申请人</th>
            <th scope="col">申请内容</th>
            <th scope="col">渠道</th>
            <th scope="col">收到申请日期</th>
            <th scope="col">承办部门</th>
            <th scope="col">状态</th>
            <th scope="col">答复期限</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.length === 0 ? (
            <tr>
              <td colSpan={8}>没有符合条件的申请。</td>
            </tr>
          ) : (
            list.rows.map((r) => (
              <tr
                key={r.id}
                data-overdue={r.clock.state !== "NOT_STARTED" && r.clock.overdue ? "true" : undefined}
                className={r.clock.state !== "NOT_STARTED" && r.clock.overdue ? "bg-danger-soft" : undefined}
              >
                <th scope="row" className="whitespace-nowrap font-mono">
                  <Link href={`/admin/requests/${r.id}`} className="text-blue-800 underline">
                    {r.number}
                  </Link>
                </th>
                <td>{r.applicantName}</td>
                <td className="max-w-xs">{r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description}</td>
                <td>{CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS]}</td>
                <td className="whitespace-nowrap">{r.receiptDate ? formatDateCn(r.receiptDate) : "待确认"}</td>
                <td>{r.departmentName}</td>
                <td className="whitespace-nowrap">
                  {CASE_STAGE_LABELS[r.stage]} · {r.statusLabel}
                </td>
                <td>
                  <RequestClockBadge clock={r.clock} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination
        page={page}
        totalPages={totalPages}
        basePath="/admin/requests"
        searchParams={sp}
        totalItems={list.total}
        className="mt-4"
      />
    </>
  );
}
