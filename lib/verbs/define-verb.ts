// The one way to change state. Every verb (a staff action, a citizen's submission, a job
// that publishes on schedule) is declared with `defineVerb` and runs the same steps:
//
//   1. input      — parsed by the verb's zod schema (a bad value is a ValidationError with
//                   field messages; nothing is audited, nothing is touched);
//   2. authorize  — the actor's role grants the verb's permission (once, here);
//   3. load       — inside the transaction, the record is loaded with the actor's department
//                   scope in the where-clause and locked (SELECT … FOR UPDATE); outside the
//                   scope it does not exist (NotFoundError);
//   4. version    — the version the user's page showed must still be current (ConflictError);
//   5. decide     — the domain policy and pure rules decide (they throw a DomainError to refuse);
//   6. apply      — the change is written;
//   7. audit      — a typed audit entry commits with the change;
//   8. jobs       — post-commit work (mail, letters, cache warming) is inserted as job rows in
//                   the same transaction (the outbox) and run by the job runner after commit.
//
// A refusal at steps 2–6 rolls the transaction back, then writes a REFUSED audit entry in a
// transaction of its own and rethrows the domain error for the caller to show.

import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import type { AuditAction, AuditEntityType } from "@/lib/audit/actions";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError, zodFieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, type JobRequest } from "@/lib/jobs/enqueue";

/** Who acts: a signed-in staff member, or `null` for a citizen or the system (see `permission`). */
export type VerbActor = SessionUser | null;

export type VerbOptions = {
  /** The client's address, for the audit entry. */
  ip?: string;
  /** The clock (tests pass a fixed one). */
  now?: Date;
  /** The record version the user's page showed; a different current version is a conflict. */
  expectedVersion?: number;
};

export type VerbContext<I> = {
  tx: Tx;
  /** The acting staff member; null only for `permission: "public"` / `"system"` verbs. */
  actor: SessionUser | null;
  input: I;
  now: Date;
  ip: string;
  /** Ids of the departments the actor acts for (own and below), computed once when asked. */
  scope: () => Promise<string[]>;
};

/** "public": anyone, no sign-in (a citizen's application); "system": the job runner only. */
export type VerbPermission = Permission | "public" | "system";

export type AuditRecord = {
  /** Defaults to `entityId(input)`; a creating verb names the new record here. */
  entityId?: string;
  detail?: string;
  before?: unknown;
  after?: unknown;
  /** "FAILED": the verb recorded that it could not do its work (the scheduler cancelling a publication). */
  outcome?: "OK" | "FAILED";
};

/** The parts of a spec that do not depend on the loaded record (for the helpers below). */
type SpecHead<I> = Pick<VerbSpec<I, never, never, never>, "action" | "entityType" | "permission" | "input" | "entityId" | "systemName">;

export interface VerbSpec<I, L, D, R> {
  /** The typed audit action; also the verb's name in logs and refusals. */
  action: AuditAction;
  entityType: AuditEntityType;
  permission: VerbPermission | ((actor: SessionUser, input: I) => Permission);
  /** Validates raw input at the boundary. Omit when the caller passes typed values. */
  input?: z.ZodType<I>;
  /** The record the verb acts on, for the audit entry of a refusal ("" for a creation). */
  entityId: (input: I) => string;
  /** Loads and locks the record inside the transaction, scoped to the actor; null → not found. */
  load: (c: VerbContext<I>) => Promise<L | null>;
  /** The record's current version, checked against `opts.expectedVersion`. */
  version?: (loaded: L) => number;
  /** What the "not found" refusal says (defaults to 未找到该记录). */
  notFoundMessage?: string;
  /** What a conflict (stale version, concurrent duplicate) says (defaults to ConflictError's). */
  conflictMessage?: string;
  /** The name the audit gives a `permission: "system"` actor (defaults to 系统). */
  systemName?: string;
  /** Policy and pure rules. Throws a DomainError to refuse; returns what `apply` needs. */
  decide: (c: VerbContext<I> & { loaded: L }) => D | Promise<D>;
  /** Writes the change. `enqueue` adds a job that commits with it (the outbox). */
  apply: (c: VerbContext<I> & { loaded: L; decision: D; enqueue: (job: JobRequest) => void }) => Promise<R>;
  /** The audit entry written with the change. */
  audit: (c: VerbContext<I> & { loaded: L; decision: D; result: R }) => AuditRecord;
  /**
   * Whether refusals are audited. Default: yes for staff and system verbs; for public verbs
   * only when asked (an anonymous client must not be able to fill the audit log).
   */
  auditRefusals?: boolean;
}

export type Verb<I, R> = ((actor: VerbActor | undefined, input: I, opts?: VerbOptions) => Promise<R>) & {
  readonly spec: { action: AuditAction; permission: SpecHead<I>["permission"] };
};

/** Carries a domain error out of the rolled-back transaction, with what the audit should say. */
class Refusal extends Error {
  constructor(
    readonly error: DomainError,
    readonly detail: string,
  ) {
    super(error.message);
  }
}

export function defineVerb<I, L, D, R>(spec: VerbSpec<I, L, D, R>): Verb<I, R> {
  const run = async (actorIn: VerbActor | undefined, rawInput: I, opts: VerbOptions = {}): Promise<R> => {
    const input = parseInput(spec, rawInput);
    const actor = actorIn ?? null;
    const ip = opts.ip ?? "";
    const now = opts.now ?? new Date();
    const entityId = safeEntityId(spec, input);
    const auditRefusals = spec.auditRefusals ?? spec.permission !== "public";

    try {
      authorizeOnce(spec, actor, input);
    } catch (e) {
      if (e instanceof DomainError && actor && auditRefusals) {
        await writeRefusal(spec, actor, entityId, ip, `${e.code}: ${e.message}`);
      }
      throw e;
    }

    let scopeMemo: Promise<string[]> | null = null;
    const scope = () => {
      if (!actor) return Promise.reject(new ForbiddenError("登录已过期，请重新登录"));
      scopeMemo ??= departmentScope(actor);
      return scopeMemo;
    };

    try {
      return await db().$transaction(async (tx) => {
        const base: VerbContext<I> = { tx, actor, input, now, ip, scope };
        const loaded = await spec.load(base);
        if (loaded === null) throw new Refusal(new NotFoundError(spec.notFoundMessage), "记录不存在或不在本人管辖范围");
        if (spec.version && opts.expectedVersion !== undefined) {
          const current = spec.version(loaded);
          if (current !== opts.expectedVersion) {
            throw new Refusal(new ConflictError(spec.conflictMessage), `版本不符：页面 ${opts.expectedVersion}，当前 ${current}`);
          }
        }
        const decision = await spec.decide({ ...base, loaded });
        const jobs: JobRequest[] = [];
        const result = await spec.apply({ ...base, loaded, decision, enqueue: (job) => void jobs.push(job) });
        for (const job of jobs) await enqueueJob(tx, job);
        const record = spec.audit({ ...base, loaded, decision, result });
        await writeAudit(tx, {
          actorId: actor?.id ?? null,
          actorName: actor?.displayName ?? (spec.permission === "system" ? (spec.systemName ?? "系统") : "公众"),
          action: spec.action,
          entityType: spec.entityType,
          entityId: record.entityId ?? entityId,
          ip,
          detail: record.detail ?? "",
          before: record.before,
          after: record.after,
          outcome: record.outcome,
        });
        return result;
      });
    } catch (e) {
      const refusal = asRefusal(e, spec.conflictMessage);
      if (!refusal) throw e;
      if (auditRefusals) await writeRefusal(spec, actor, entityId, ip, refusal.detail);
      throw refusal.error;
    }
  };
  return Object.assign(run, { spec: { action: spec.action, permission: spec.permission } });
}

function parseInput<I>(spec: SpecHead<I>, raw: I): I {
  if (!spec.input) return raw;
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  return parsed.data;
}

function safeEntityId<I>(spec: SpecHead<I>, input: I): string {
  try {
    return spec.entityId(input).slice(0, 200);
  } catch {
    return "";
  }
}

/** Step 2: the role must grant the permission. Department scope is checked by `load`. */
function authorizeOnce<I>(spec: SpecHead<I>, actor: SessionUser | null, input: I): void {
  if (spec.permission === "public") return;
  if (spec.permission === "system") {
    if (actor) throw new ForbiddenError("该操作只能由系统执行");
    return;
  }
  if (!actor?.id) throw new ForbiddenError("登录已过期，请重新登录");
  const permission = typeof spec.permission === "function" ? spec.permission(actor, input) : spec.permission;
  if (!hasPermission(actor.roles, permission)) throw new ForbiddenError();
}

function asRefusal(e: unknown, conflictMessage?: string): Refusal | null {
  if (e instanceof Refusal) return e;
  if (e instanceof DomainError) return new Refusal(e, `${e.code}: ${e.message}`);
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    // A unique index refused a concurrent duplicate (two leaders signing the same step).
    return new Refusal(new ConflictError(conflictMessage), "并发冲突（唯一约束）");
  }
  return null;
}

async function writeRefusal<I>(spec: SpecHead<I>, actor: SessionUser | null, entityId: string, ip: string, detail: string): Promise<void> {
  await db().$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? (spec.permission === "system" ? (spec.systemName ?? "系统") : "公众"),
      action: spec.action,
      entityType: spec.entityType,
      entityId,
      outcome: "REFUSED",
      ip,
      detail: detail.slice(0, 500),
    }),
  );
}
