"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffFormAction } from "@/lib/verbs/form-action";
import { categorySchema, deleteCategorySchema } from "@/lib/categories/category-schema";
import { saveCategory } from "@/lib/categories/save-category";
import { deleteCategory } from "@/lib/categories/delete-category";

export const saveCategoryAction = staffFormAction(categorySchema, async (input, ctx) => {
  const c = await saveCategory(ctx.user, input, ctx.opts());
  revalidatePath("/admin/categories");
  if (!input.id) redirect(`/admin/categories/${c.id}?created=1`);
  revalidatePath(`/admin/categories/${c.id}`);
  return "分类信息已保存";
});

export const deleteCategoryAction = staffFormAction(deleteCategorySchema, async (input, ctx) => {
  await deleteCategory(ctx.user, input, ctx.opts());
  revalidatePath("/admin/categories");
  redirect("/admin/categories?deleted=1");
});
