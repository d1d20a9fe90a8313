"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/guard";
import { departmentFormSchema, type DepartmentInput } from "@/lib/departments/department-schema";
import { saveDepartment } from "@/lib/departments/save-department";
import { listCalendarRegions } from "@/lib/calendar/load-calendar";

async function handle(input: DepartmentInput, ctx: { user: SessionUser; ip: string }) {
  const d = await saveDepartment(ctx.user, input, ctx);
  revalidatePath("/admin/departments");
  // The public shell caches departments under this tag.
  if (!input.id) redirect(`/admin/departments/${d.id}?created=1`);
  return "机构信息已保存";
}
export async function saveDepartmentAction(prev: ActionState, fd: FormData) {
  // The calendar region must be an existing one: the schema is built from the current list.
  const regions = await listCalendarRegions();
  return authorizedFormAction("departments:manage", departmentFormSchema(regions.map((r) => r.code)), handle)(prev, fd);
}
