"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import { departmentSchema } from "@/lib/departments/department-schema";
import { saveDepartment } from "@/lib/departments/save-department";

const save = authorizedFormAction("departments:manage", departmentSchema, async (input, ctx) => {
  const d = await saveDepartment(ctx.user, input, ctx);
  revalidatePath("/admin/departments");
  // The public shell caches departments under this tag.
  updateTag("departments");
  if (!input.id) redirect(`/admin/departments/${d.id}?created=1`);
  return "机构信息已保存";
});
export async function saveDepartmentAction(prev: ActionState, fd: FormData) {
  return save(prev, fd);
}
