import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** 放弃修改: abandon a new version of a published item; the live version stays. */
export function discardDraft(user: SessionUser, itemId: string, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    { auditAction: "disclosure.discard-draft", permission: "disclosure:draft", build: async () => ({ type: "discardDraft" }) },
    opts,
  );
}
