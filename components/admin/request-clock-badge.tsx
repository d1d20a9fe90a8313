import type { CaseClock } from "@/lib/requests/clock";
import { formatChineseDate } from "@/lib/calendar/civil-date";

/** The reply deadline in a list cell: text plus a symbol, never colour alone. */
export function RequestClockBadge({ clock }: { clock: CaseClock }) {
  if (clock.state === "NOT_STARTED") return <span className="text-gray-700">未开始计时</span>;
  if (clock.state === "DONE") {
    return <span>{clock.metDeadline === false ? "⚠ 超期办结" : "✓ 已办结"}</span>;
  }
  if (!clock.due) return <span>⏸ 暂停计时</span>;
  const remaining = clock.deadline.remainingWorkingDays ?? 0;
  if (clock.overdue) {
    return (
      <strong className="inline-flex items-center gap-1 rounded border-2 border-red-800 bg-red-50 px-2 text-red-900">
        <span aria-hidden="true">⛔</span>已超期 {-remaining} 个工作日（{formatChineseDate(clock.due)}
        {clock.provisional ? "，暂定" : ""}）
      </strong>
    );
  }
  return (
    <span
      className={
        clock.dueSoon ? "inline-flex items-center gap-1 rounded border-2 border-amber-700 bg-amber-50 px-2 font-bold text-amber-900" : ""
      }
    >
      {clock.dueSoon ? <span aria-hidden="true">⏰</span> : null}
      {clock.dueSoon ? "即将到期：" : ""}
      {formatChineseDate(clock.due)}（剩{remaining}个工作日{clock.provisional ? "，暂定" : ""}）{clock.state === "STOPPED" ? "⏸" : ""}
    </span>
  );
}
