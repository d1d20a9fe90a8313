/**
 * Read side for staff pages and 4c: every query filters by the actor's
 * department scope in the where-clause (outside it: not found).
 */
import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import { requestDepartmentScope } from "./dashboard-scope";
import { hasPermission } from "@/lib/auth/permissions";
import { allowedActions as allowedOf } from "@/lib/verbs/policy";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { APPLICATION_STATUSES, STATUS_INFO, allowedActions, canTransition, type CaseStage } from "./rules/stages";
import { computeCaseDeadlines } from "./rules/case-deadlines";
import { computeCaseClock, CLOCK_INCLUDE, type CaseClock } from "./clock";
import { fromDbDate, fromDbDateOrNull, regionCalendars, requestCalendar, todayOf } from "./calendar";
import { caseActor, caseFacts } from "./case-verb";
import { casePolicy, STAGE_ACTION } from "./policy";

async function scopeOf(actor: SessionUser | null | undefined): Promise<string[]> {
  if (!actor?.id || !actor.departmentId) throw new ForbiddenError("登录已过期，请重新登录");
  if (!hasPermission(actor.roles, "request:read")) throw new ForbiddenError();
  // Reading follows the dashboard's scope (the 政府办公室 oversees every department's cases);
  // acting on a case stays with its own department (case-verb.ts findCaseInScope).
  return requestDepartmentScope(actor);
}

export type CaseListFilters = {
  stage?: CaseStage | "";
  status?: ApplicationStatus | "";
  departmentId?: string;
  q?: string;
  /** Only open cases that are overdue or due within 3 working days. */
  attention?: boolean;
  page?: number;
  pageSize?: number;
};

export type CaseListRow = {
  id: string;
  number: string;
  applicantName: string;
  description: string;
  status: ApplicationStatus;
  statusLabel: string;
  stage: CaseStage;
  channel: string;
  departmentId: string;
  departmentName: string;
  receiptDate: Date | null;
  submittedAt: Date;
  clock: CaseClock;
};

export async function listApplications(
  actor: SessionUser | null | undefined,
  f: CaseListFilters = {},
  now = new Date(),
): Promise<{ rows: CaseListRow[]; total: number; page: number; pageSize: number }> {
  const scope = await scopeOf(actor);
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const page = Math.max(f.page ?? 1, 1);
  const statuses = f.status ? [f.status] : f.stage ? APPLICATION_STATUSES.filter((s) => STATUS_INFO[s].stage === f.stage) : undefined;
  const where: Prisma.DisclosureApplicationWhereInput = {
    departmentId: f.departmentId ? { in: scope.filter((d) => d === f.departmentId) } : { in: scope },
    ...(statuses ? { status: { in: statuses as ApplicationStatus[] } } : {}),
    ...(f.q?.trim()
      ? {
          OR: [
            { number: { contains: f.q.trim(), mode: "insensitive" } },
            { applicantName: { contains: f.q.trim() } },
            { description: { contains: f.q.trim() } },
          ],
        }
      : {}),
  };
  const today = todayOf(now);
  const fetchAll = f.attention === true;
  const [total, apps] = await Promise.all([
    db().disclosureApplication.count({ where }),
    db().disclosureApplication.findMany({
      where,
      include: CLOCK_INCLUDE,
      orderBy: [{ submittedAt: "desc" }, { number: "desc" }],
      ...(fetchAll ? {} : { skip: (page - 1) * pageSize, take: pageSize }),
    }),
  ]);
  const deptRows = await db().department.findMany({
    where: { id: { in: [...new Set(apps.map((a) => a.departmentId))] } },
    select: { id: true, name: true, calendarRegion: true },
  });
  const depts = new Map(deptRows.map((d) => [d.id, d]));
  // Each case on its handling department's calendar; each distinct region loaded once.
  const calendarOf = await regionCalendars(deptRows.map((d) => d.calendarRegion));
  let rows: CaseListRow[] = apps.map((a) => ({
    id: a.id,
    number: a.number,
    applicantName: a.applicantName,
    description: a.description,
    status: a.status,
    statusLabel: STATUS_INFO[a.status].label,
    stage: STATUS_INFO[a.status].stage,
    channel: a.channel,
    departmentId: a.departmentId,
    departmentName: depts.get(a.departmentId)?.name ?? "",
    receiptDate: a.receiptDate,
    submittedAt: a.submittedAt,
    clock: computeCaseClock(calendarOf(depts.get(a.departmentId)?.calendarRegion), a, today),
  }));
  if (fetchAll) {
    rows = rows.filter((r) => r.clock.state !== "NOT_STARTED" && r.clock.state !== "DONE" && (r.clock.overdue || r.clock.dueSoon));
    return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
  }
  return { rows, total, page, pageSize };
}

/** Everything the case page shows. Throws NotFoundError outside the actor's scope. */
export async function loadCase(actor: SessionUser | null | undefined, id: string, now = new Date()) {
  const scope = await scopeOf(actor);
  const app = await db().disclosureApplication.findFirst({
    where: { id, departmentId: { in: scope } },
    include: {
      ...CLOCK_INCLUDE,
      consultations: { orderBy: { createdAt: "asc" } },
      extensions: { orderBy: { requestedAt: "asc" } },
      fee: true,
      events: { orderBy: { id: "asc" } },
      attachments: { select: { id: true, fileName: true, size: true, description: true, createdAt: true, uploadedByName: true } },
      documents: {
        select: { id: true, kind: true, fileName: true, size: true, createdAt: true, sourceId: true },
        orderBy: { createdAt: "asc" },
      },
      replies: { orderBy: { revision: "asc" } },
      splitFrom: { select: { id: true, number: true } },
      splits: { select: { id: true, number: true } },
    },
  });
  if (!app) throw new NotFoundError("未找到该申请");
  const [dept, target] = await Promise.all([
    db().department.findUnique({ where: { id: app.departmentId }, select: { id: true, name: true, calendarRegion: true } }),
    db().department.findUnique({ where: { id: app.targetDepartmentId }, select: { id: true, name: true } }),
  ]);
  // Deadlines on the handling department's calendar (law §6: regional holidays).
  const cal = await requestCalendar(dept?.calendarRegion);
  const today = todayOf(now);
  const clock = computeCaseClock(cal, app, today);
  if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
  const user = actor;
  const facts = await db().$transaction((tx) => caseFacts(tx, app));
  const tctx = { extended: facts.extended, correctionRequested: facts.correctionRequested };
  // The one policy draws the forms; the verbs' decide step asks the same function.
  const policy = casePolicy(caseActor(user, await departmentScope(user)), facts, now);
  const allowed = allowedOf(policy);
  const actions = allowedActions(app.status, tctx).filter((a) =>
    Object.entries(STAGE_ACTION).some(([caseAction, stage]) => stage === a.action && allowed.has(caseAction as keyof typeof policy)),
  );
  const pendingExtension = app.extensions.find((e) => e.status === "PENDING") ?? null;
  const draft = app.replies.filter((r) => r.status === "DRAFT").at(-1) ?? null;
  const signed = app.replies.filter((r) => r.status === "SIGNED").at(-1) ?? null;
  const deadlines = computeCaseDeadlines(cal, {
    receiptDate: fromDbDateOrNull(app.receiptDate),
    correctionAllowed: canTransition(app.status, "REQUEST_CORRECTION", tctx),
    consultations: app.consultations.map((x) => ({ id: x.id, startedOn: fromDbDate(x.startedOn), dueOn: fromDbDate(x.dueOn) })),
    fee: app.fee ? { noticeDate: fromDbDate(app.fee.noticeDate), paymentDueDate: fromDbDate(app.fee.paymentDueDate) } : null,
    today,
  });
  return {
    app,
    departmentName: dept?.name ?? "",
    targetDepartmentName: target?.name ?? "",
    clock,
    deadlines,
    today,
    actions,
    pendingExtension,
    draft,
    signed,
    policy,
    allowed,
  };
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;

/** A stored document or attachment of a case, for download (scope-checked; 404 outside). */
export async function loadCaseFile(actor: SessionUser | null | undefined, applicationId: string, fileId: string) {
  const scope = await scopeOf(actor);
  const doc = await db().applicationDocument.findFirst({
    where: { id: fileId, applicationId, application: { departmentId: { in: scope } } },
    select: { fileName: true, mimeType: true, content: true },
  });
  if (doc) return doc;
  const att = await db().applicationAttachment.findFirst({
    where: { id: fileId, applicationId, application: { departmentId: { in: scope } } },
    select: { fileName: true, mimeType: true, content: true },
  });
  if (att) return att;
  throw new NotFoundError("未找到该文件");
}
