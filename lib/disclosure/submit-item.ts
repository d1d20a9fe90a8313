import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** 提交审查: DRAFT → PENDING_REVIEW (clerk of the item's department). */
export function submitItem(user: SessionUser, itemId: string, opts: TransitionOptions = {}) {
  return runStaffTransition(user, itemId, { auditAction: "disclosure.submit", permission: "disclosure:draft", build: async () => ({ type: "submit" }) }, opts);
}
