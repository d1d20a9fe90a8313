import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** Art. 18 re-assessment of a withheld item: WITHHELD → PENDING_REVIEW. */
export function reopenItem(user: SessionUser, itemId: string, input: { comment?: string }, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    { auditAction: "disclosure.reopen", permission: "disclosure:review", build: async () => ({ type: "reopen", comment: input.comment }) },
    opts,
  );
}
