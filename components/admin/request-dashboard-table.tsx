import Link from "next/link";
import { formatChineseDate } from "@/lib/calendar/civil-date";
import type { DashboardCase } from "@/lib/requests/dashboard-data";
import { Table } from "@/components/ui/table";
import { InfoIcon, WarningIcon } from "@/components/ui/icons";

/** The deadline cell: overdue and due-soon are marked with an icon AND words, never colour alone. */
export function RequestDeadlineCell({ c }: { c: DashboardCase }) {
  if (!c.due)
    return <span className="text-muted">{c.paused ? "暂停计时" : c.status === "PENDING_CONFIRMATION" ? "待确认后计算" : "—"}</span>;
  return (
    <span
      className={
        c.overdue
          ? "inline-flex items-start gap-1 font-bold text-danger"
          : c.dueSoon
            ? "inline-flex items-start gap-1 font-bold text-warning"
            : undefined
      }
    >
      {c.overdue ? <WarningIcon className="mt-1 shrink-0" /> : c.dueSoon ? <InfoIcon className="mt-1 shrink-0" /> : null}
      <span>
        {c.overdue ? "已超期：" : c.dueSoon ? "即将到期：" : ""}
        {formatChineseDate(c.due)}
        {c.provisional ? "（暂定）" : ""}
      </span>
    </span>
  );
}

export function RequestDashboardTable({ caption, cases, empty }: { caption: string; cases: readonly DashboardCase[]; empty: string }) {
  if (cases.length === 0) return <p className="rounded border border-gray-300 bg-white p-4 text-gray-700">{empty}</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">申请编号</th>
          <th scope="col">申请人 / 所需信息</th>
          <th scope="col">办理部门</th>
          <th scope="col">状态</th>
          <th scope="col">答复期限</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id} className={c.overdue ? "bg-danger-soft" : undefined}>
            <td className="whitespace-nowrap">
              <Link href={`/admin/requests/${c.id}`} className="font-mono text-link underline underline-offset-4">
                {c.number}
              </Link>
            </td>
            <td>
              <span className="font-bold">{c.applicantName}</span>
              <span className="block text-sm text-gray-700">{c.description}</span>
            </td>
            <td>{c.departmentName}</td>
            <td className="whitespace-nowrap">{c.statusLabel}</td>
            <td>
              <RequestDeadlineCell c={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
