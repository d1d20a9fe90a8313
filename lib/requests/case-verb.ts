/**
 * The skeleton every case verb shares (one transaction per verb):
 *   1. load the case with the actor's department scope in the where-clause
 *      (outside it: NotFoundError — no hint that the case exists);
 *   2. authorizeUser with the verb's permission and the case's department;
 *   3. lock the row (SELECT … FOR UPDATE) and check the version if the caller
 *      read one;
 *   4. the verb's own checks and the state transition via rules/stages.ts;
 *   5. update with version + 1, append the case event, write the audit entry.
 */
import { db, type Tx } from "@/lib/db/client";
import { authorizeUser, departmentScope, type SessionUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { compareCivilDates, type CivilDate } from "@/lib/calendar/civil-date";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import type { DisclosureApplicationModel } from "@/lib/generated/prisma/models";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { transition, type ApplicationAction, type TransitionContext } from "./rules/stages";
import { departmentCalendar, todayOf, toDbDate, fromDbDateOrNull } from "./calendar";

export type VerbOptions = { ip?: string; now?: Date; expectedVersion?: number };

export type CaseRow = DisclosureApplicationModel;

export type CaseCtx = {
  tx: Tx;
  app: CaseRow;
  actor: SessionUser;
  today: CivilDate;
  now: Date;
  /** The working-day calendar of the handling department's region. */
  cal: CalendarData;
  /** Applies a rules/stages.ts action; throws InvalidTransitionError with its Chinese message. */
  transition: (action: ApplicationAction) => Promise<ApplicationStatus>;
};

export type CaseChange<T> = {
  /** Event action (ApplicationAction or an EVENT_LABELS key). */
  event: string;
  toStatus?: ApplicationStatus;
  update?: Prisma.DisclosureApplicationUncheckedUpdateManyInput;
  effectiveOn?: CivilDate | null;
  note?: string;
  payload?: Record<string, unknown>;
  result: T;
  auditDetail?: string;
};

/** The scope-filtered load used by pages and verbs alike. */
export async function findCaseInScope(actor: SessionUser | null | undefined, id: string) {
  if (!actor?.id || !actor.departmentId) throw new ForbiddenError("登录已过期，请重新登录");
  if (typeof id !== "string" || id === "") throw new NotFoundError("未找到该申请");
  const scope = await departmentScope(actor);
  const app = await db().disclosureApplication.findFirst({
    where: { id, departmentId: { in: scope } },
    select: { id: true, departmentId: true },
  });
  if (!app) throw new NotFoundError("未找到该申请");
  return app;
}

export async function transitionContext(tx: Tx, app: Pick<CaseRow, "id" | "correctionNoticeDate">): Promise<TransitionContext> {
  const extended = await tx.applicationExtension.count({ where: { applicationId: app.id, status: "APPROVED" } });
  return { extended: extended > 0, correctionRequested: app.correctionNoticeDate !== null };
}

export async function runCaseVerb<T>(
  actor: SessionUser | null | undefined,
  id: string,
  permission: Permission,
  auditAction: string,
  opts: VerbOptions,
  body: (ctx: CaseCtx) => Promise<CaseChange<T>>,
): Promise<T> {
  const found = await findCaseInScope(actor, id);
  const user = await authorizeUser(actor, permission, { departmentId: found.departmentId, action: auditAction, ip: opts.ip });
  const now = opts.now ?? new Date();
  // The handling department's calendar; the department is re-checked under the lock below.
  const cal = await departmentCalendar(found.departmentId);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "DisclosureApplication" WHERE id = ${id} FOR UPDATE`;
    const app = await tx.disclosureApplication.findUniqueOrThrow({ where: { id } });
    if (app.departmentId !== found.departmentId) throw new ConflictError("该申请已转交其他部门办理，请刷新后重试");
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== app.version) throw new ConflictError();
    let toStatus: ApplicationStatus | undefined;
    const ctx: CaseCtx = {
      tx,
      app,
      actor: user,
      today: todayOf(now),
      now,
      cal,
      transition: async (action) => {
        const r = transition(app.status, action, await transitionContext(tx, app));
        if (!r.ok) throw new InvalidTransitionError(r.message);
        toStatus = r.to;
        return r.to;
      },
    };
    const change = await body(ctx);
    const newStatus = change.toStatus ?? toStatus;
    const updated = await tx.disclosureApplication.updateMany({
      where: { id, version: app.version },
      data: { ...(change.update ?? {}), ...(newStatus ? { status: newStatus } : {}), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ConflictError();
    await tx.applicationEvent.create({
      data: {
        applicationId: id,
        actorId: user.id,
        actorName: user.displayName,
        action: change.event,
        fromStatus: newStatus ? app.status : null,
        toStatus: newStatus ?? null,
        effectiveOn: change.effectiveOn ? toDbDate(change.effectiveOn) : null,
        note: change.note ?? "",
        payload: (change.payload ?? undefined) as never,
      },
    });
    await writeAudit(tx, {
      actorId: user.id,
      actorName: user.displayName,
      action: auditAction,
      entityType: "DisclosureApplication",
      entityId: id,
      ip: opts.ip ?? "",
      detail: change.auditDetail ?? `${app.number} ${change.event}`,
      before: { status: app.status, version: app.version },
      after: { status: newStatus ?? app.status, version: app.version + 1, ...(change.payload ?? {}) },
    });
    return change.result;
  });
}

/**
 * A date the law counts from (notice date, day a correction arrived …): not in
 * the future, not before `notBefore`. Defaults to today.
 */
export function effectiveDate(
  value: CivilDate | undefined | null,
  today: CivilDate,
  field: string,
  label: string,
  notBefore?: { date: CivilDate | null; label: string },
): CivilDate {
  const d = value ?? today;
  if (compareCivilDates(d, today) > 0) throw new ValidationError({ [field]: [`${label}不能晚于今天`] });
  if (notBefore?.date && compareCivilDates(d, notBefore.date) < 0) {
    throw new ValidationError({ [field]: [`${label}不能早于${notBefore.label}`] });
  }
  return d;
}

export function receiptOf(app: Pick<CaseRow, "receiptDate">): CivilDate {
  const d = fromDbDateOrNull(app.receiptDate);
  if (!d) throw new InvalidTransitionError("该申请尚未确认收到，请先确认收到申请");
  return d;
}
