import type { SessionUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { runStaffTransition, type TransitionOptions } from "./transition";

/**
 * 签发: fills the next sign-off step. Two leaders signing the same step at once: the row
 * lock serialises them and the second sees a new version (ConflictError) — or, without a
 * version, the signature unique index refuses the duplicate.
 */
export function signItem(
  user: SessionUser,
  itemId: string,
  input: { expectedRevisionHash: string; comment?: string },
  opts: TransitionOptions = {},
) {
  const permission = hasPermission(user.roles, "disclosure:sign-major") ? "disclosure:sign-major" : "disclosure:sign";
  return runStaffTransition(
    user,
    itemId,
    {
      auditAction: "disclosure.sign",
      permission,
      build: async () => ({ type: "sign", expectedRevisionHash: input.expectedRevisionHash, comment: input.comment }),
    },
    opts,
  );
}
