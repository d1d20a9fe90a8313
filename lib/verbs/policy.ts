// The shape of an authorization policy. Each domain has one policy function that answers,
// for an actor and a record, every action at once: allowed, or refused with a Chinese reason.
// The same function draws the buttons on the record's page and guards the verb (its
// `decide` step calls `requireAllowed`), so the two cannot disagree.

import { ForbiddenError, InvalidTransitionError, NotFoundError, type DomainError } from "@/lib/errors";

export type PolicyRefusalCode =
  /** The actor's roles do not grant the action. */
  | "FORBIDDEN"
  /** The record is outside the actor's department scope. */
  | "OUT_OF_SCOPE"
  /** Nobody signs off their own work (or reviews what they drafted). */
  | "SEPARATION_OF_DUTIES"
  /** The record's state does not allow the action now. */
  | "STATE";

export type PolicyDecision = { allowed: true } | { allowed: false; code: PolicyRefusalCode; reason: string };

export const ALLOWED: PolicyDecision = { allowed: true };

export function refused(code: PolicyRefusalCode, reason: string): PolicyDecision {
  return { allowed: false, code, reason };
}

/** Every action of a domain answered for one actor and one record. */
export type PolicyAnswers<A extends string> = Readonly<Record<A, PolicyDecision>>;

/** The actions a page should offer (a button per allowed action). */
export function allowedActions<A extends string>(answers: PolicyAnswers<A>): Set<A> {
  return new Set((Object.keys(answers) as A[]).filter((a) => answers[a].allowed));
}

/** For a verb's `decide` step: refuse with the policy's reason, as the matching domain error. */
export function requireAllowed<A extends string>(answers: PolicyAnswers<A>, action: A): void {
  const d = answers[action];
  if (d.allowed) return;
  throw policyError(d);
}

export function policyError(d: Extract<PolicyDecision, { allowed: false }>): DomainError {
  if (d.code === "STATE") return new InvalidTransitionError(d.reason);
  // Outside the scope a record does not exist for the actor: no hint that it does.
  if (d.code === "OUT_OF_SCOPE") return new NotFoundError();
  return new ForbiddenError(d.reason);
}
