"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import { createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from "@/lib/users/schema";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/user-admin";

const create = authorizedFormAction("users:manage", createUserSchema, async (input, ctx) => {
  const u = await createUser(ctx.user, input, ctx);
  revalidatePath("/admin/users");
  redirect(`/admin/users/${u.id}?created=1`);
});
export async function createUserAction(prev: ActionState, fd: FormData) {
  return create(prev, fd);
}

const update = authorizedFormAction("users:manage", updateUserSchema, async (input, ctx) => {
  await updateUser(ctx.user, input, ctx);
  revalidatePath("/admin/users");
  return "用户信息已保存";
});
export async function updateUserAction(prev: ActionState, fd: FormData) {
  return update(prev, fd);
}

const reset = authorizedFormAction("users:manage", resetPasswordSchema, async (input, ctx) => {
  await resetPassword(ctx.user, input, ctx);
  return "密码已重置，账号已解锁，原有登录已全部退出";
});
export async function resetPasswordAction(prev: ActionState, fd: FormData) {
  return reset(prev, fd);
}

const disable = authorizedFormAction("users:manage", setDisabledSchema, async (input, ctx) => {
  await setUserDisabled(ctx.user, input, ctx);
  revalidatePath("/admin/users");
  return input.disabled ? "账号已停用，其登录已全部退出" : "账号已启用";
});
export async function setDisabledAction(prev: ActionState, fd: FormData) {
  return disable(prev, fd);
}
