"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffFormAction } from "@/lib/verbs/form-action";
import { createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from "@/lib/users/schema";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { resetPassword } from "@/lib/users/reset-password";
import { disableUser, enableUser } from "@/lib/users/set-user-disabled";

export const createUserAction = staffFormAction(createUserSchema, async (input, ctx) => {
  const u = await createUser(ctx.user, input, ctx.opts());
  revalidatePath("/admin/users");
  redirect(`/admin/users/${u.id}?created=1`);
});

export const updateUserAction = staffFormAction(updateUserSchema, async (input, ctx) => {
  await updateUser(ctx.user, input, ctx.opts());
  revalidatePath("/admin/users");
  return "用户信息已保存";
});

export const resetPasswordAction = staffFormAction(resetPasswordSchema, async (input, ctx) => {
  await resetPassword(ctx.user, input, ctx.opts());
  return "密码已重置，账号已解锁，原有登录已全部退出";
});

export const setDisabledAction = staffFormAction(setDisabledSchema, async ({ id, disabled }, ctx) => {
  await (disabled ? disableUser : enableUser)(ctx.user, { id }, ctx.opts());
  revalidatePath("/admin/users");
  return disabled ? "账号已停用，其登录已全部退出" : "账号已启用";
});
