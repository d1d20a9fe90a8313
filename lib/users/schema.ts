import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { passwordSchema } from "@/lib/auth/password";
import { requiredText, stringArray } from "@/lib/validation";

const roles = stringArray.pipe(z.array(z.enum(ROLES, { error: "角色无效" })).min(1, "请至少选择一个角色"));

export const createUserSchema = z.object({
  username: z
    .string({ error: "请填写用户名" })
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,31}$/, "用户名须为 3–32 位小写字母、数字或下划线，以字母开头"),
  displayName: requiredText(32, "姓名"),
  departmentId: z.string({ error: "请选择所属部门" }).min(1, "请选择所属部门"),
  roles,
  password: passwordSchema,
});

export const updateUserSchema = z.object({
  id: z.string().min(1),
  displayName: requiredText(32, "姓名"),
  departmentId: z.string({ error: "请选择所属部门" }).min(1, "请选择所属部门"),
  roles,
});

export const resetPasswordSchema = z.object({ id: z.string().min(1), password: passwordSchema });
/** The account-status form: one button that disables or enables, as the page showed. */
export const setDisabledSchema = z.object({ id: z.string().min(1), disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

/** The account a disable/enable verb acts on. */
export const userIdSchema = z.object({ id: z.string({ error: "未指定用户" }).min(1, "未指定用户") });
