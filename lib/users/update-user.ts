import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ValidationError } from "@/lib/errors";
import { updateUserSchema } from "./schema";
import { departmentExists, lockUser, UNKNOWN_DEPARTMENT, USER_PUBLIC_FIELDS } from "./lock-user";

/**
 * Changes an account's name, department and roles. Nobody changes their own roles: an
 * administrator editing their own account may rename it, but a role change needs another
 * administrator. Role or department changes take effect at the next request anyway (sessions
 * load the user each time), so sessions are kept.
 */
export const updateUser = defineVerb({
  action: "user.update",
  entityType: "User",
  permission: "users:manage",
  input: updateUserSchema,
  entityId: (input) => input.id,
  notFoundMessage: "该用户不存在",
  load: async ({ tx, input }) => {
    const user = await lockUser(tx, input.id);
    return user && { user, departmentExists: await departmentExists(tx, input.departmentId) };
  },
  decide: ({ actor, input, loaded }) => {
    const answers = adminPolicy(actor, { user: loaded.user });
    requireAllowed(answers, "user.update");
    if (!loaded.departmentExists) throw new ValidationError(UNKNOWN_DEPARTMENT);
    const rolesChanged = !sameSet(loaded.user.roles, input.roles);
    const change = answers["user.change-roles"];
    // A field error (not a bare refusal), so the form shows it next to the role boxes.
    if (rolesChanged && !change.allowed) throw new ValidationError({ roles: [change.reason] });
  },
  apply: ({ tx, input }) =>
    tx.user.update({
      where: { id: input.id },
      data: { displayName: input.displayName, departmentId: input.departmentId, roles: input.roles },
      select: USER_PUBLIC_FIELDS,
    }),
  audit: ({ loaded, result }) => ({ before: loaded.user, after: result }),
});

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
