/**
 * The disclosure office's dashboard: open cases in the user's scope, counted by
 * stage, and the ones that need attention — overdue, due within 3 working days,
 * and paused (补正, consultation, fee). Deadlines are computed on read from the
 * stored dates with 4b's computeCaseClock (never stored as flags).
 */
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/guard";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { APPLICATION_STATUSES, CASE_STAGES, CASE_STAGE_LABELS, STATUS_INFO, type ApplicationStatus, type CaseStage } from "./rules/stages";
import { CLOCK_INCLUDE, computeCaseClock, DUE_SOON_WORKING_DAYS } from "./clock";
import { regionCalendars, todayOf } from "./calendar";
import { requestDepartmentScope } from "./dashboard-scope";

export const OPEN_STATUSES = APPLICATION_STATUSES.filter((s) => !STATUS_INFO[s].closed);
/** More open cases than this are counted but not all listed. */
export const DASHBOARD_MAX_ROWS = 1000;

export type DashboardCase = {
  id: string;
  number: string;
  applicantName: string;
  description: string;
  departmentId: string;
  departmentName: string;
  status: ApplicationStatus;
  statusLabel: string;
  stage: CaseStage;
  due: CivilDate | null;
  overdue: boolean;
  dueSoon: boolean;
  paused: boolean;
  provisional: boolean;
  headline: string;
  submittedAt: Date;
};

export type Dashboard = {
  today: CivilDate;
  /** Whole government (office) or the user's own departments. */
  scopeLabel: string;
  totalOpen: number;
  byStage: Array<{ stage: CaseStage; label: string; count: number }>;
  pendingConfirmation: number;
  /** Per handling department (the office's view of every department), only departments with open cases. */
  byDepartment: Array<{ departmentId: string; name: string; open: number; overdue: number; dueSoon: number; paused: number }>;
  overdue: DashboardCase[];
  dueSoon: DashboardCase[];
  paused: DashboardCase[];
  open: DashboardCase[];
};

export async function loadDashboard(user: SessionUser, now = new Date()): Promise<Dashboard> {
  if (!user.id || !hasPermission(user.roles, "request:read")) throw new ForbiddenError();
  const scope = await requestDepartmentScope(user);
  const where = { departmentId: { in: scope }, status: { in: [...OPEN_STATUSES] } };
  const [rows, totalOpen, departments, ownDept] = await Promise.all([
    db().disclosureApplication.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }],
      take: DASHBOARD_MAX_ROWS,
      select: {
        id: true,
        number: true,
        applicantName: true,
        description: true,
        departmentId: true,
        status: true,
        submittedAt: true,
        receiptDate: true,
        correctionNoticeDate: true,
        correctionReceivedOn: true,
        closedOn: true,
        deliveredOn: true,
        ...CLOCK_INCLUDE,
      },
    }),
    db().disclosureApplication.count({ where }),
    db().department.findMany({ where: { id: { in: scope } }, select: { id: true, name: true, calendarRegion: true } }),
    db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true } }),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  // Each case on its handling department's calendar; each distinct region loaded once.
  const regionOf = new Map(departments.map((d) => [d.id, d.calendarRegion]));
  const calendarOf = await regionCalendars(regionOf.values());
  const today = todayOf(now);

  const cases: DashboardCase[] = rows.map((r) => {
    const clock = computeCaseClock(calendarOf(regionOf.get(r.departmentId)), r, today);
    const info = STATUS_INFO[r.status];
    const running = clock.state !== "NOT_STARTED";
    return {
      id: r.id,
      number: r.number,
      applicantName: r.applicantName,
      description: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description,
      departmentId: r.departmentId,
      departmentName: names.get(r.departmentId) ?? "",
      status: r.status,
      statusLabel: info.label,
      stage: info.stage,
      due: running ? clock.due : null,
      overdue: running && clock.overdue,
      dueSoon: running && clock.dueSoon,
      paused: running && clock.state === "STOPPED",
      provisional: running && clock.provisional,
      headline: clock.headline,
      submittedAt: r.submittedAt,
    };
  });
  const byDue = (a: DashboardCase, b: DashboardCase) => (a.due ?? "9999").localeCompare(b.due ?? "9999");
  const stageCounts = await db().disclosureApplication.groupBy({ by: ["status"], where, _count: { _all: true } });
  const byStage = CASE_STAGES.filter((s) => s !== "ARCHIVE").map((stage) => ({
    stage,
    label: CASE_STAGE_LABELS[stage],
    count: stageCounts.filter((c) => STATUS_INFO[c.status].stage === stage).reduce((n, c) => n + c._count._all, 0),
  }));
  const perDept = new Map<string, Dashboard["byDepartment"][number]>();
  for (const c of cases) {
    const row = perDept.get(c.departmentId) ?? {
      departmentId: c.departmentId,
      name: c.departmentName,
      open: 0,
      overdue: 0,
      dueSoon: 0,
      paused: 0,
    };
    row.open += 1;
    if (c.overdue) row.overdue += 1;
    if (c.dueSoon) row.dueSoon += 1;
    if (c.paused) row.paused += 1;
    perDept.set(c.departmentId, row);
  }
  const byDepartment = [...perDept.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, "zh"));
  return {
    today,
    scopeLabel: ownDept?.kind === "OFFICE" || ownDept?.kind === "GOVERNMENT" ? "本级政府全部部门" : `本部门（${user.departmentName}）`,
    totalOpen,
    byStage,
    byDepartment,
    pendingConfirmation: stageCounts.filter((c) => c.status === "PENDING_CONFIRMATION").reduce((n, c) => n + c._count._all, 0),
    overdue: cases.filter((c) => c.overdue).sort(byDue),
    dueSoon: cases.filter((c) => c.dueSoon).sort(byDue),
    paused: cases.filter((c) => c.paused),
    open: cases,
  };
}

export { DUE_SOON_WORKING_DAYS };
