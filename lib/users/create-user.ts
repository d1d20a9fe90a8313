import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { hashPassword } from "@/lib/auth/password";
import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createUserSchema } from "./schema";
import { departmentExists, UNKNOWN_DEPARTMENT, USER_PUBLIC_FIELDS } from "./lock-user";

export const USERNAME_TAKEN = "该用户名已被使用";

/** Creates a staff account. The password hash never enters the audit log. */
export const createUser = defineVerb({
  action: "user.create",
  entityType: "User",
  permission: "users:manage",
  input: createUserSchema,
  entityId: () => "",
  load: async ({ tx, input }) => ({
    departmentExists: await departmentExists(tx, input.departmentId),
    usernameTaken: (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) !== null,
  }),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor), "user.create");
    if (!loaded.departmentExists) throw new ValidationError(UNKNOWN_DEPARTMENT);
    if (loaded.usernameTaken) throw new ValidationError({ username: [USERNAME_TAKEN] });
  },
  apply: async ({ tx, input }) => {
    const passwordHash = await hashPassword(input.password);
    try {
      return await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          departmentId: input.departmentId,
          roles: input.roles,
          passwordHash,
        },
        select: USER_PUBLIC_FIELDS,
      });
    } catch (e) {
      // Two administrators creating the same username at once: the unique index decides.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
        throw new ValidationError({ username: [USERNAME_TAKEN] });
      throw e;
    }
  },
  audit: ({ result }) => ({ entityId: result.id, after: result }),
});
