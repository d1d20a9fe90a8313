// What the item page offers: the item policy's answers for the signed-in user (the same
// function every item verb's `decide` step asks), read without locking.

import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { allowedActions } from "@/lib/verbs/policy";
import { itemPolicy, type ItemPolicyAction } from "./policy";
import { ACTION_SOURCE_STATES } from "./rules/workflow";
import { ITEM_ACTIONS } from "./labels";
import { readItemFacts } from "./workflow-facts";

export async function itemActionsFor(user: SessionUser, itemId: string, now = new Date()) {
  const scope = await departmentScope(user);
  // A read-only transaction: the facts come from one snapshot of the item.
  const facts = await db().$transaction((tx) => readItemFacts(tx, itemId, scope));
  if (!facts) throw new NotFoundError("未找到该信息，或您无权处理该信息");
  const answers = itemPolicy(user, facts, now);
  const allowed: Set<ItemPolicyAction> = allowedActions(answers);
  // Why an action the user holds, and the state allows, is not offered now (not their turn
  // to sign, sign-off incomplete, they drafted it): said once on the page.
  const blocked: Record<string, string> = {};
  const seen = new Set<string>();
  for (const a of ITEM_ACTIONS) {
    const d = answers[a];
    if (d.allowed || !ACTION_SOURCE_STATES[a].includes(facts.state)) continue;
    const signoff = a === "sign" || a === "publish" || a === "schedule";
    if (d.code !== "SEPARATION_OF_DUTIES" && !(d.code === "STATE" && signoff)) continue;
    if (seen.has(d.reason)) continue;
    seen.add(d.reason);
    blocked[a] = d.reason;
  }
  return { answers, allowed, blocked, facts };
}
