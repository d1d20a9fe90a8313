// The skeleton of every state change of a disclosure item, over `defineVerb`
// (lib/verbs/define-verb.ts): permission → item locked in the actor's scope → version check →
// the item policy (./policy.ts, the same answers that draw the item page's buttons) → the
// verb's input turned into a workflow action → the pure rules (`decide`) → effects persisted
// → typed audit entry, all in one transaction; refusals are audited by defineVerb.
//
// A publication or withdrawal can change which fees are in force (收费项目有效性, owned by
// lib/structured): the verb enqueues the `structured.fee-validity` job in its transaction
// instead of calling into lib/structured, which builds on this domain.

import type { Tx } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/actions";
import type { SessionUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobRequest } from "@/lib/jobs/enqueue";
import { defineVerb, type Verb, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { applyEffects } from "./apply-effects";
import { itemPolicy, permissionForAction, type ItemAction, type ItemFacts } from "./policy";
import { staffActorOf, type Actor } from "./rules/actor";
import { decide, type ItemState, type WorkflowAction, type WorkflowErrorCode, type WorkflowItem } from "./rules/workflow";
import { loadItemFacts, type ItemRow } from "./workflow-facts";

export const STALE_PAGE_MESSAGE = "该信息已被他人处理（例如已签发、退回或修改），您的操作未执行。请刷新页面查看最新状态后再操作";

/** Options of an item verb: client address, clock, and the item version the page showed. */
export type TransitionOptions = VerbOptions;

export interface TransitionResult {
  itemId: string;
  state: ItemState;
  version: number;
  /** The working revision after the change (a new one after an edit or a PARTIAL review). */
  workingRevisionId: string | null;
}

/** A workflow refusal as the domain error the caller shows. */
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

export type Loaded = ItemFacts & { row: ItemRow; planError: string | null };

export interface BuildContext<I> {
  tx: Tx;
  /** null for the scheduler. */
  actor: SessionUser | null;
  input: I;
  loaded: Loaded;
  now: Date;
  /** The actor's department scope (own and below). */
  scope: () => Promise<string[]>;
}

export interface WorkflowVerbDef<I> {
  /** The policy action checked before anything is written (the page's button of the same name). */
  policy: ItemAction;
  audit: AuditAction;
  /** Defaults to the policy action's permissions (ACTION_PERMISSIONS). */
  permission?: Permission | "system";
  /**
   * Turns the verb's input into the workflow action. May write rows the action refers to
   * (a new revision for an edit, the redacted revision of a PARTIAL review): they roll back
   * with everything else if the rules refuse.
   */
  build: (c: BuildContext<I>) => WorkflowAction | Promise<WorkflowAction>;
}

type ItemInput<I> = I & { itemId: string };

export type ItemVerb<I> = ((
  user: SessionUser | null | undefined,
  itemId: string,
  input: I,
  opts?: TransitionOptions,
) => Promise<TransitionResult>) & {
  readonly verb: Verb<ItemInput<I>, TransitionResult>;
};

/** Loads, locked, what the policy and the rules need; null when outside the scope (→ 404). */
async function loadLocked(tx: Tx, itemId: string, scope: readonly string[] | null): Promise<Loaded | null> {
  const facts = await loadItemFacts(tx, itemId, scope);
  if (!facts) return null;
  return { ...facts, inScope: true };
}

export function workflowVerb<I extends object>(def: WorkflowVerbDef<I>): ItemVerb<I> {
  const system = def.permission === "system";
  const verb = defineVerb<
    ItemInput<I>,
    Loaded,
    { action: WorkflowAction; next: ItemState; effects: ReturnType<typeof effectsOf> },
    TransitionResult
  >({
    action: def.audit,
    entityType: "DisclosureItem",
    permission: def.permission ?? ((actor) => permissionForAction(def.policy, actor.roles)),
    entityId: (i) => i.itemId,
    notFoundMessage: "未找到该信息，或您无权处理该信息",
    conflictMessage: STALE_PAGE_MESSAGE,
    load: async ({ tx, input, scope }) => loadLocked(tx, input.itemId, system ? null : await scope()),
    version: (l) => l.row.version,
    decide: async ({ tx, actor, input, loaded, now, scope }) => {
      requireAllowed(itemPolicy(actor ?? "system", loaded, now), def.policy);
      const action = await def.build({ tx, actor, input, loaded, now, scope });
      const rulesActor: Actor = actor ? staffActorOf(actor) : { kind: "system" };
      const d = decide(loaded.state, action, { actor: rulesActor, item: loaded.item, now });
      if (!d.ok) {
        // A sign-off that cannot start because the chain is misconfigured says why.
        const message = d.code === "INVALID_TRANSITION" && loaded.planError && action.type === "sign" ? loaded.planError : d.message;
        throw errorForCode(d.code, message, d.field);
      }
      return { action, next: d.next, effects: effectsOf(d) };
    },
    apply: async ({ tx, actor, input, loaded, decision, now, enqueue }) => {
      const { version } = await persist(tx, loaded, decision, actor, now);
      if (decision.next === "PUBLISHED" || decision.next === "WITHDRAWN") enqueue(FEE_VALIDITY_JOB);
      let workingRevisionId = loaded.row.workingRevisionId;
      for (const e of decision.effects) if (e.type === "SET_WORKING_REVISION") workingRevisionId = e.revision.id;
      return { itemId: input.itemId, state: decision.next, version, workingRevisionId };
    },
    audit: ({ loaded, decision, result }) => ({
      detail: `${loaded.row.state} → ${decision.next}`,
      before: { state: loaded.row.state, version: loaded.row.version, workingRevisionId: loaded.row.workingRevisionId },
      after: { state: decision.next, version: result.version, effects: decision.effects.map((e) => e.type) },
    }),
  });
  const run = (user: SessionUser | null | undefined, itemId: string, input: I, opts?: TransitionOptions) =>
    verb(user, { ...input, itemId }, opts);
  return Object.assign(run, { verb });
}

/** Re-derives fees' 有效性 after the commit (lib/structured owns it; see lib/jobs/tasks.ts). */
export const FEE_VALIDITY_JOB: JobRequest = { task: "structured.fee-validity", payload: {}, jobKey: "fee-validity" };

function effectsOf(d: Extract<ReturnType<typeof decide>, { ok: true }>) {
  return d.effects;
}

/** Persists a decision; a concurrent duplicate (the signature unique index) is a stale page. */
export async function persist(
  tx: Tx,
  loaded: Loaded,
  decision: { action: WorkflowAction; next: ItemState; effects: ReturnType<typeof effectsOf> },
  actor: SessionUser | null,
  now: Date,
  actorName = actor?.displayName ?? "系统",
) {
  try {
    return await applyEffects(tx, {
      row: loaded.row,
      action: decision.action,
      next: decision.next,
      effects: decision.effects,
      actorId: actor?.id ?? null,
      actorName,
      now,
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new ConflictError(STALE_PAGE_MESSAGE);
    throw e;
  }
}

export type { WorkflowItem };

/** A verb that takes no input besides the item: called as `(user, itemId, opts)`. */
export function withoutInput(v: ItemVerb<object>) {
  const run = (user: SessionUser | null | undefined, itemId: string, opts?: TransitionOptions) => v(user, itemId, {}, opts);
  return Object.assign(run, { verb: v.verb });
}
