"use server";

import { revalidatePath } from "next/cache";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import { siteSettingsSchema } from "@/lib/settings/site-settings-schema";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";

const save = authorizedFormAction("settings:manage", siteSettingsSchema, async (input, ctx) => {
  await updateSiteSettings(ctx.user, input, ctx);
  // The cached settings and pages are cleared by the notification on commit; this refreshes
  // the client router of the administrator who saved.
  revalidatePath("/", "layout");
  return "网站设置已保存，门户页面已更新";
});
export async function saveSiteSettingsAction(prev: ActionState, fd: FormData) {
  return save(prev, fd);
}
