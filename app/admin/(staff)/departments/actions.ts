"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffFormAction } from "@/lib/verbs/form-action";
import { departmentSchema } from "@/lib/departments/department-schema";
import { saveDepartment } from "@/lib/departments/save-department";

// The verb checks that the calendar region exists (a form may offer a region removed since).
export const saveDepartmentAction = staffFormAction(departmentSchema, async (input, ctx) => {
  const d = await saveDepartment(ctx.user, input, ctx.opts(input.version));
  revalidatePath("/admin/departments");
  if (!input.id) redirect(`/admin/departments/${d.id}?created=1`);
  revalidatePath(`/admin/departments/${d.id}`);
  return "机构信息已保存";
});
