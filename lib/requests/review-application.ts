/** 审核: start reviewing a registered application, then accept it for processing (办理). */
import type { SessionUser } from "@/lib/auth/guard";
import { runCaseVerb, type VerbOptions } from "./case-verb";

export async function startReview(actor: SessionUser | null | undefined, input: { id: string }, opts: VerbOptions = {}) {
  return runCaseVerb(actor, input.id, "request:register", "request.start-review", opts, async (c) => {
    await c.transition("START_REVIEW");
    return { event: "START_REVIEW", result: undefined };
  });
}

export async function acceptApplication(actor: SessionUser | null | undefined, input: { id: string }, opts: VerbOptions = {}) {
  return runCaseVerb(actor, input.id, "request:register", "request.accept", opts, async (c) => {
    await c.transition("ACCEPT");
    return { event: "ACCEPT", result: undefined };
  });
}
