import type { SessionUser } from "@/lib/auth/guard";
import { runStaffTransition, type TransitionOptions } from "./transition";

/** 定时发布: the runner in lib/jobs publishes it when `publishAt` comes. */
export function scheduleItem(
  user: SessionUser,
  itemId: string,
  input: { publishAt: Date; expectedRevisionHash: string },
  opts: TransitionOptions = {},
) {
  return runStaffTransition(
    user,
    itemId,
    {
      auditAction: "disclosure.schedule",
      permission: "admin:access",
      build: async () => ({ type: "schedule", publishAt: input.publishAt, expectedRevisionHash: input.expectedRevisionHash }),
    },
    opts,
  );
}

/** 取消定时发布: back to PENDING_SIGNOFF, signatures kept. */
export function unscheduleItem(user: SessionUser, itemId: string, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    { auditAction: "disclosure.unschedule", permission: "admin:access", build: async () => ({ type: "unschedule" }) },
    opts,
  );
}
