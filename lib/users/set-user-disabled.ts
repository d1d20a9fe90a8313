import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { userIdSchema } from "./schema";
import { lockUser, USER_PUBLIC_FIELDS } from "./lock-user";

/** Disables an account: it cannot sign in, and its open sessions end now. Nobody disables themselves. */
export const disableUser = defineVerb({
  action: "user.disable",
  entityType: "User",
  permission: "users:manage",
  input: userIdSchema,
  entityId: (input) => input.id,
  notFoundMessage: "该用户不存在",
  load: ({ tx, input }) => lockUser(tx, input.id),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor, { user: loaded }), "user.disable");
  },
  apply: async ({ tx, input, now }) => {
    const after = await tx.user.update({ where: { id: input.id }, data: { disabled: true }, select: USER_PUBLIC_FIELDS });
    await tx.staffSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: now } });
    return after;
  },
  audit: ({ loaded, result }) => ({ before: loaded, after: result }),
});

/** Enables a disabled account again (a new sign-in is needed). */
export const enableUser = defineVerb({
  action: "user.enable",
  entityType: "User",
  permission: "users:manage",
  input: userIdSchema,
  entityId: (input) => input.id,
  notFoundMessage: "该用户不存在",
  load: ({ tx, input }) => lockUser(tx, input.id),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor, { user: loaded }), "user.enable");
  },
  apply: ({ tx, input }) => tx.user.update({ where: { id: input.id }, data: { disabled: false }, select: USER_PUBLIC_FIELDS }),
  audit: ({ loaded, result }) => ({ before: loaded, after: result }),
});
