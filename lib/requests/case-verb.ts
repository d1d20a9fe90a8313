/**
 * `caseVerb`: the on-request domain's verbs declared over lib/verbs/define-verb.ts (one
 * skeleton for the whole portal). A case verb names its audit action and its policy action
 * (lib/requests/policy.ts) and writes only what is its own; the factory does the rest:
 *
 *   - input: the verb's `validate` normalises and checks the input (a ValidationError with
 *     field messages, nothing audited, nothing touched);
 *   - authorize: defineVerb checks the role's permission for the policy action;
 *   - load: the case row, locked (SELECT … FOR UPDATE) with the actor's department scope in
 *     the where-clause (outside it: not found), and the facts the policy needs;
 *   - version: the version the page showed must still be current;
 *   - decide: `requireAllowed(casePolicy(…), action)` — the same answers the page drew;
 *   - apply: the verb's `run`, then status + version + 1, the ApplicationEvent row;
 *   - audit: one typed entry with the change; refusals are audited by defineVerb.
 */
import { db, type Tx } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import type { AuditAction } from "@/lib/audit/actions";
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { compareCivilDates, type CivilDate } from "@/lib/calendar/civil-date";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import type { DisclosureApplicationModel } from "@/lib/generated/prisma/models";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { JobRequest } from "@/lib/jobs/enqueue";
import { defineVerb, type Verb, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { transition, type ApplicationAction, type TransitionContext } from "./rules/stages";
import { CASE_ACTION_PERMISSION, casePolicy, type CaseAction, type CaseActor, type CaseFacts } from "./policy";
import { departmentCalendar, todayOf, toDbDate, fromDbDateOrNull } from "./calendar";

export type { VerbOptions };

export type CaseRow = DisclosureApplicationModel;

export type CaseCtx<I> = {
  tx: Tx;
  app: CaseRow;
  actor: SessionUser;
  input: I;
  today: CivilDate;
  now: Date;
  ip: string;
  /** The working-day calendar of the handling department's region. */
  cal: CalendarData;
  /** Applies a rules/stages.ts action; throws InvalidTransitionError with its Chinese message. */
  transition: (action: ApplicationAction) => ApplicationStatus;
  /** A job that commits with the change (the outbox): mail, letter rendering. */
  enqueue: (job: JobRequest) => void;
};

export type CaseChange<T> = {
  /** Event action (ApplicationAction or an EVENT_LABELS key). */
  event: string;
  toStatus?: ApplicationStatus;
  update?: Prisma.DisclosureApplicationUncheckedUpdateManyInput;
  effectiveOn?: CivilDate | null;
  note?: string;
  payload?: Record<string, Prisma.InputJsonValue | null>;
  result: T;
  auditDetail?: string;
};

export type CaseVerbSpec<I extends { id: string }, R> = {
  action: AuditAction;
  policy: CaseAction;
  /** Normalises and checks the input before anything else (throws ValidationError). */
  validate?: (input: I) => I;
  run: (c: CaseCtx<I>) => Promise<CaseChange<R>>;
};

type Loaded = { app: CaseRow; facts: CaseFacts; tctx: TransitionContext; cal: CalendarData };
type Applied<R> = {
  result: R;
  change: CaseChange<R>;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus | null;
  number: string;
  version: number;
};

/** The facts the policy needs, read in the caller's transaction (or outside one for a page). */
export async function caseFacts(
  client: Pick<Tx, "applicationExtension" | "applicationFee" | "applicationReply">,
  app: Pick<CaseRow, "id" | "departmentId" | "status" | "correctionNoticeDate">,
): Promise<CaseFacts> {
  const [extensions, fee, draft] = await Promise.all([
    client.applicationExtension.findMany({
      where: { applicationId: app.id, status: { in: ["PENDING", "APPROVED"] } },
      select: { status: true, requestedById: true, noticeSentOn: true },
    }),
    client.applicationFee.findUnique({ where: { applicationId: app.id }, select: { id: true } }),
    client.applicationReply.findFirst({
      where: { applicationId: app.id, status: "DRAFT" },
      orderBy: { revision: "desc" },
      select: { draftedById: true },
    }),
  ]);
  const pending = extensions.find((e) => e.status === "PENDING");
  const approved = extensions.filter((e) => e.status === "APPROVED");
  return {
    departmentId: app.departmentId,
    status: app.status,
    extended: approved.length > 0,
    correctionRequested: app.correctionNoticeDate !== null,
    pendingExtensionBy: pending ? pending.requestedById : null,
    extensionNoticeOwed: approved.some((e) => e.noticeSentOn === null),
    hasFee: fee !== null,
    draftBy: draft ? draft.draftedById : null,
  };
}

export function caseActor(user: SessionUser, scope: readonly string[]): CaseActor {
  return { id: user.id, roles: user.roles, scope };
}

export function caseVerb<I extends { id: string }, R>(spec: CaseVerbSpec<I, R>): Verb<I, R> {
  const inner = defineVerb<I, Loaded, undefined, Applied<R>>({
    action: spec.action,
    entityType: "DisclosureApplication",
    permission: CASE_ACTION_PERMISSION[spec.policy],
    entityId: (input) => input.id,
    notFoundMessage: "未找到该申请",
    load: async ({ tx, input, scope }) => {
      if (typeof input.id !== "string" || input.id === "") return null;
      const ids = await scope();
      // Locked with the scope in the where-clause: a case handed to another department
      // meanwhile is not found, never acted on.
      const locked = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "DisclosureApplication"
        WHERE id = ${input.id} AND "departmentId" IN (${Prisma.join(ids)}) FOR UPDATE`;
      if (locked.length === 0) return null;
      const app = await tx.disclosureApplication.findUniqueOrThrow({ where: { id: input.id } });
      const facts = await caseFacts(tx, app);
      const cal = await departmentCalendar(app.departmentId, tx);
      return { app, facts, tctx: { extended: facts.extended, correctionRequested: facts.correctionRequested }, cal };
    },
    version: (l) => l.app.version,
    decide: async ({ actor, loaded, scope, now }) => {
      if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
      requireAllowed(casePolicy(caseActor(actor, await scope()), loaded.facts, now), spec.policy);
      return undefined;
    },
    apply: async ({ tx, actor, input, now, ip, loaded, enqueue }) => {
      if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
      const { app } = loaded;
      let toStatus: ApplicationStatus | undefined;
      const change = await spec.run({
        tx,
        app,
        actor,
        input,
        today: todayOf(now),
        now,
        ip,
        cal: loaded.cal,
        enqueue,
        transition: (action) => {
          const r = transition(app.status, action, loaded.tctx);
          if (!r.ok) throw new InvalidTransitionError(r.message);
          toStatus = r.to;
          return r.to;
        },
      });
      const newStatus = change.toStatus ?? toStatus ?? null;
      await tx.disclosureApplication.update({
        where: { id: app.id },
        data: { ...(change.update ?? {}), ...(newStatus ? { status: newStatus } : {}), version: { increment: 1 } },
      });
      await tx.applicationEvent.create({
        data: {
          applicationId: app.id,
          actorId: actor.id,
          actorName: actor.displayName,
          action: change.event,
          fromStatus: newStatus ? app.status : null,
          toStatus: newStatus,
          effectiveOn: change.effectiveOn ? toDbDate(change.effectiveOn) : null,
          note: change.note ?? "",
          ...(change.payload ? { payload: change.payload } : {}),
        },
      });
      return { result: change.result, change, fromStatus: app.status, toStatus: newStatus, number: app.number, version: app.version };
    },
    audit: ({ result: a }) => ({
      detail: a.change.auditDetail ?? `${a.number} ${a.change.event}`,
      before: { status: a.fromStatus, version: a.version },
      after: { status: a.toStatus ?? a.fromStatus, version: a.version + 1, ...(a.change.payload ?? {}) },
    }),
  });
  const run = async (actor: SessionUser | null | undefined, rawInput: I, opts?: VerbOptions): Promise<R> => {
    const input = spec.validate ? spec.validate(rawInput) : rawInput;
    return (await inner(actor, input, opts)).result;
  };
  return Object.assign(run, { spec: { action: spec.action, permission: CASE_ACTION_PERMISSION[spec.policy] } });
}

/** The acting-scope check for reads that belong to a verb (a fee preview). */
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

export async function transitionContext(
  tx: Pick<Tx, "applicationExtension">,
  app: Pick<CaseRow, "id" | "correctionNoticeDate">,
): Promise<TransitionContext> {
  const extended = await tx.applicationExtension.count({ where: { applicationId: app.id, status: "APPROVED" } });
  return { extended: extended > 0, correctionRequested: app.correctionNoticeDate !== null };
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
