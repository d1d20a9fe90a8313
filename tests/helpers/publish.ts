import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { publishItem } from "@/lib/disclosure/publish-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";

/** The hash of an item's working revision — what a reviewer or signer approves. */
export async function workingHash(itemId: string): Promise<string> {
  const i = await db().disclosureItem.findUniqueOrThrow({ where: { id: itemId }, select: { workingRevision: { select: { hash: true } } } });
  return i.workingRevision!.hash;
}

/** 一般 item through the real verbs: the clerk submits, the reviewer clears, the director signs, the clerk publishes. */
export async function publishThroughWorkflow(itemId: string, team: { clerk: SessionUser; reviewer: SessionUser; director: SessionUser }) {
  await submitItem(team.clerk, itemId);
  await reviewItem(team.reviewer, itemId, { decision: "CLEAR", expectedRevisionHash: await workingHash(itemId) });
  await signItem(team.director, itemId, { expectedRevisionHash: await workingHash(itemId) });
  await publishItem(team.clerk, itemId, { expectedRevisionHash: await workingHash(itemId) });
}
