import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** 发布 now (all steps signed): the working revision becomes the published one. */
export function publishItem(user: SessionUser, itemId: string, input: { expectedRevisionHash: string }, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    {
      auditAction: "disclosure.publish",
      permission: "admin:access",
      build: async () => ({ type: "publish", expectedRevisionHash: input.expectedRevisionHash }),
    },
    opts,
  );
}
