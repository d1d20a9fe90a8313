"use server";

import { revalidatePath } from "next/cache";
import { retryJob, retryJobSchema } from "@/lib/jobs/retry-job";
import { staffFormAction } from "@/lib/verbs/form-action";

export const retryJobAction = staffFormAction(retryJobSchema, async (input, ctx) => {
  await retryJob(ctx.user, input, ctx.opts());
  revalidatePath("/admin/jobs");
  revalidatePath("/admin/mail");
  return "已重新安排执行，稍后刷新页面查看结果";
});
