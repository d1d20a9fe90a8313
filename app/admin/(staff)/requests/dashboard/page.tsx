import { requirePagePermission } from "@/lib/auth/guard";
import { loadDashboard } from "@/lib/requests/dashboard-data";
import { formatChineseDate } from "@/lib/calendar/civil-date";
import { RequestDashboardCounts } from "@/components/admin/request-dashboard-counts";
import { RequestDashboardTable } from "@/components/admin/request-dashboard-table";

export const metadata = { title: "依申请公开工作台" };
export const dynamic = "force-dynamic";

/** The disclosure office's dashboard (request:read; department scope, the 政府办公室 sees all). */
export default async function RequestDashboardPage() {
  const user = await requirePagePermission("request:read", "/admin/requests/dashboard");
  const d = await loadDashboard(user);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">依申请公开工作台</h1>
      <p className="mb-5 text-gray-700">
        范围：{d.scopeLabel}。今天是{formatChineseDate(d.today)}；期限按工作日计算，随日历和案件记录实时计算。
      </p>
      <RequestDashboardCounts d={d} />
      <section id="overdue" aria-labelledby="h-overdue" className="mt-8 scroll-mt-4">
        <h2 id="h-overdue" className="mb-2 text-xl font-bold">
          已超期（{d.overdue.length}）
        </h2>
        <RequestDashboardTable caption="已超过答复期限的申请" cases={d.overdue} empty="没有超期的申请。" />
      </section>
      <section id="due-soon" aria-labelledby="h-due-soon" className="mt-8 scroll-mt-4">
        <h2 id="h-due-soon" className="mb-2 text-xl font-bold">
          3个工作日内到期（{d.dueSoon.length}）
        </h2>
        <RequestDashboardTable caption="3个工作日内到期的申请" cases={d.dueSoon} empty="没有即将到期的申请。" />
      </section>
      <section id="paused" aria-labelledby="h-paused" className="mt-8 scroll-mt-4">
        <h2 id="h-paused" className="mb-2 text-xl font-bold">
          暂停计时（{d.paused.length}）
        </h2>
        <RequestDashboardTable caption="暂停计时的申请" cases={d.paused} empty="没有暂停计时的申请。" />
      </section>
      <section id="open" aria-labelledby="h-open" className="mt-8 scroll-mt-4">
        <h2 id="h-open" className="mb-2 text-xl font-bold">
          全部未办结申请（{d.totalOpen}）
        </h2>
        <RequestDashboardTable caption="全部未办结的申请（按提交时间）" cases={d.open} empty="没有未办结的申请。" />
      </section>
    </>
  );
}
