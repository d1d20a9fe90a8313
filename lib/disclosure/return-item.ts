import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** 退回: back to DRAFT with a required comment, shown on the draft (reviewer or a signer). */
export function returnItem(user: SessionUser, itemId: string, input: { comment: string }, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    { auditAction: "disclosure.return", permission: "admin:access", build: async () => ({ type: "return", comment: input.comment }) },
    opts,
  );
}
