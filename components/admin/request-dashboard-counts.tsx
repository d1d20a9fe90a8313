import type { Dashboard } from "@/lib/requests/dashboard-data";
import { WarningIcon } from "@/components/ui/icons";
import { Table } from "@/components/ui/table";

/** The headline counts; each is a link to its list below. */
export function RequestDashboardCounts({ d }: { d: Dashboard }) {
  const tile = "block rounded border-2 bg-white p-4 no-underline hover:bg-gray-50";
  return (
    <div className="space-y-4">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="需要关注的案件">
        <li>
          <a href="#overdue" className={`${tile} ${d.overdue.length ? "border-red-800" : "border-gray-300"}`} data-testid="count-overdue">
            <span className="flex items-center gap-1 font-bold">
              {d.overdue.length ? <WarningIcon className="text-red-800" /> : null}已超期
            </span>
            <span className="text-3xl font-bold">{d.overdue.length}</span> 件
          </a>
        </li>
        <li>
          <a href="#due-soon" className={`${tile} border-gray-300`} data-testid="count-due-soon">
            <span className="block font-bold">3个工作日内到期</span>
            <span className="text-3xl font-bold">{d.dueSoon.length}</span> 件
          </a>
        </li>
        <li>
          <a href="#paused" className={`${tile} border-gray-300`} data-testid="count-paused">
            <span className="block font-bold">暂停计时（补正、征求意见、缴费）</span>
            <span className="text-3xl font-bold">{d.paused.length}</span> 件
          </a>
        </li>
        <li>
          <a href="#open" className={`${tile} border-gray-300`} data-testid="count-open">
            <span className="block font-bold">办理中（全部未办结）</span>
            <span className="text-3xl font-bold">{d.totalOpen}</span> 件
          </a>
        </li>
      </ul>
      <div>
        <h2 className="mb-2 text-lg font-bold">按办理阶段（《条例》第四十五条）</h2>
        <ul className="flex flex-wrap gap-3" aria-label="按阶段统计">
          {d.byStage.map((s) => (
            <li key={s.stage} className="rounded border border-gray-300 bg-white px-4 py-2" data-testid={`stage-${s.stage}`}>
              {s.label}：<strong>{s.count}</strong> 件
              {s.stage === "REGISTRATION" && d.pendingConfirmation > 0 ? (
                <span className="text-sm text-gray-700">（其中待确认 {d.pendingConfirmation} 件）</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {d.byDepartment.length > 1 ? (
        <div>
          <h2 className="mb-2 text-lg font-bold">按承办部门</h2>
          <Table caption="各承办部门未办结申请">
            <thead>
              <tr>
                <th scope="col">承办部门</th>
                <th scope="col">未办结</th>
                <th scope="col">已超期</th>
                <th scope="col">3个工作日内到期</th>
                <th scope="col">暂停计时</th>
              </tr>
            </thead>
            <tbody>
              {d.byDepartment.map((r) => (
                <tr key={r.departmentId} data-testid={`dept-${r.departmentId}`} className={r.overdue ? "bg-danger-soft" : undefined}>
                  <th scope="row" className="font-normal">
                    {r.name}
                  </th>
                  <td>{r.open}</td>
                  <td className={r.overdue ? "font-bold text-danger" : undefined}>
                    {r.overdue ? <WarningIcon className="me-1 inline" /> : null}
                    {r.overdue}
                    {r.overdue ? <span className="sr-only">（有超期）</span> : null}
                  </td>
                  <td>{r.dueSoon}</td>
                  <td>{r.paused}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
