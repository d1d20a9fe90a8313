import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { hashPassword } from "@/lib/auth/password";
import { resetPasswordSchema } from "./schema";
import { lockUser } from "./lock-user";

/** Sets a new password, unlocks the account and ends every open session of it. */
export const resetPassword = defineVerb({
  action: "user.reset-password",
  entityType: "User",
  permission: "users:manage",
  input: resetPasswordSchema,
  entityId: (input) => input.id,
  notFoundMessage: "该用户不存在",
  load: ({ tx, input }) => lockUser(tx, input.id),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor, { user: loaded }), "user.reset-password");
  },
  apply: async ({ tx, input, now }) => {
    const passwordHash = await hashPassword(input.password);
    await tx.user.update({
      where: { id: input.id },
      data: { passwordHash, passwordChangedAt: now, failedAttempts: 0, lockedUntil: null },
    });
    await tx.staffSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: now } });
  },
  // The hash never enters the log.
  audit: () => ({ detail: "重置密码并解除锁定" }),
});
