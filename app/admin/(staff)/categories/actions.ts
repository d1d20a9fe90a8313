"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/guard";
import { categorySchema, deleteCategorySchema, type CategoryInput, type DeleteCategoryInput } from "@/lib/categories/category-schema";
import { saveCategory } from "@/lib/categories/save-category";
import { deleteCategory } from "@/lib/categories/delete-category";

async function handleSave(input: CategoryInput, ctx: { user: SessionUser; ip: string }) {
  const c = await saveCategory(ctx.user, input, ctx);
  revalidatePath("/admin/categories");
  if (!input.id) redirect(`/admin/categories/${c.id}?created=1`);
  revalidatePath(`/admin/categories/${c.id}`);
  return "分类信息已保存";
}
const save = authorizedFormAction("categories:manage", categorySchema, handleSave);
export async function saveCategoryAction(prev: ActionState, fd: FormData) {
  return save(prev, fd);
}

async function handleDelete(input: DeleteCategoryInput, ctx: { user: SessionUser; ip: string }) {
  await deleteCategory(ctx.user, input, ctx);
  revalidatePath("/admin/categories");
  redirect("/admin/categories?deleted=1");
}
const remove = authorizedFormAction("categories:manage", deleteCategorySchema, handleDelete);
export async function deleteCategoryAction(prev: ActionState, fd: FormData) {
  return remove(prev, fd);
}
