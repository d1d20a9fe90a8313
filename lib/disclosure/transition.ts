// The one path every staff workflow verb takes: scope check, permission, row lock, version
// check, `decide`, persist effects, audit — in one transaction. Refusals are audited
// (outcome REFUSED) in a transaction of their own, since the main one rolls back.

import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, departmentScope, type SessionUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { decide, type ItemState, type WorkflowAction, type WorkflowErrorCode, type WorkflowItem } from "./rules/workflow";
import { toStaffActor } from "./actor";
import { applyEffects } from "./apply-effects";
import { loadItemRow, loadWorkflowFacts, lockItem, type ItemRow } from "./workflow-facts";

export const STALE_PAGE_MESSAGE = "该信息已被他人处理（例如已签发、退回或修改），您的操作未执行。请刷新页面查看最新状态后再操作";

export interface TransitionOptions {
  /** The item version the user's page showed; a different current version → ConflictError. */
  expectedVersion?: number;
  ip?: string;
  now?: Date;
}

export interface TransitionResult {
  itemId: string;
  state: ItemState;
  version: number;
}

export function errorForCode(code: WorkflowErrorCode, message: string, field?: string): DomainError {
  switch (code) {
    case "FORBIDDEN":
    case "SEPARATION_OF_DUTIES":
      return new ForbiddenError(message);
    case "STALE_REVISION":
      return new ConflictError(message);
    case "INVALID_INPUT":
      return new ValidationError({ [field ?? "_form"]: [message] }, message);
    default:
      return new InvalidTransitionError(message);
  }
}

class Refusal extends Error {
  constructor(readonly error: DomainError, readonly detail: string) {
    super(error.message);
  }
}

export interface TransitionSpec {
  auditAction: string; // e.g. "disclosure.sign"
  permission: Permission;
  /**
   * Builds the action from the locked facts. May write rows (e.g. a new revision) — they
   * roll back if the transition is refused.
   */
  build: (tx: Tx, ctx: { row: ItemRow; item: WorkflowItem; state: ItemState; now: Date }) => Promise<WorkflowAction>;
}

export async function runStaffTransition(
  user: SessionUser,
  itemId: string,
  spec: TransitionSpec,
  opts: TransitionOptions = {},
): Promise<TransitionResult> {
  await authorizeUser(user, spec.permission, { action: spec.auditAction, ip: opts.ip });
  const scope = await departmentScope(user);
  const actor = toStaffActor(user);
  const now = opts.now ?? new Date();
  try {
    const result = await db().$transaction(async (tx) => {
      if (!(await lockItem(tx, itemId, scope))) {
        throw new Refusal(new NotFoundError("未找到该信息，或您无权处理该信息"), "信息不存在或不在本人管辖范围");
      }
      const row = await loadItemRow(tx, itemId);
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
        throw new Refusal(new ConflictError(STALE_PAGE_MESSAGE), `版本不符：页面 ${opts.expectedVersion}，当前 ${row.version}`);
      }
      const facts = await loadWorkflowFacts(tx, row);
      const action = await spec.build(tx, { row, item: facts.item, state: facts.state, now });
      const decision = decide(facts.state, action, { actor, item: facts.item, now });
      if (!decision.ok) {
        const message = decision.code === "INVALID_TRANSITION" && facts.planError && action.type === "sign" ? facts.planError : decision.message;
        throw new Refusal(errorForCode(decision.code, message, decision.field), `${decision.code}: ${message}`);
      }
      const { version } = await applyEffects(tx, {
        row,
        action,
        next: decision.next,
        effects: decision.effects,
        actorId: user.id,
        actorName: user.displayName,
        now,
      });
      await writeAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: spec.auditAction,
        entityType: "DisclosureItem",
        entityId: itemId,
        ip: opts.ip,
        detail: `${row.state} → ${decision.next}`,
        before: { state: row.state, version: row.version, workingRevisionId: row.workingRevisionId },
        after: { state: decision.next, version, effects: decision.effects.map((e) => e.type) },
      });
      return { itemId, state: decision.next, version };
    });
    if (result.state === "PUBLISHED" || result.state === "WITHDRAWN") await refreshFeeValidity();
    return result;
  } catch (e) {
    let refusal: Refusal | null = null;
    if (e instanceof Refusal) refusal = e;
    else if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      // The signature unique index: someone filled this step at the same moment.
      refusal = new Refusal(new ConflictError(STALE_PAGE_MESSAGE), "并发冲突（唯一约束）");
    } else if (e instanceof DomainError) {
      refusal = new Refusal(e, e.message);
    }
    if (!refusal) throw e;
    await db().$transaction((tx) =>
      writeAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: spec.auditAction,
        entityType: "DisclosureItem",
        entityId: itemId,
        outcome: "REFUSED",
        ip: opts.ip,
        detail: refusal.detail,
      }),
    );
    throw refusal.error;
  }
}

/**
 * A publication or withdrawal may change other fees' 有效性 (a successor taking effect makes
 * its predecessor 已修改): bring the catalogue index in line after the commit. Best effort —
 * the scheduler repeats it every minute, so a failure here only delays the label.
 */
async function refreshFeeValidity(): Promise<void> {
  try {
    const { syncFeeValidity } = await import("@/lib/structured/validity");
    await syncFeeValidity();
  } catch (e) {
    console.warn("[收费项目] 有效性同步失败，将由定时任务重试", e);
  }
}
