"use server";

import { revalidatePath } from "next/cache";
import { staffFormAction } from "@/lib/verbs/form-action";
import { siteSettingsSchema } from "@/lib/settings/site-settings-schema";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";

export const saveSiteSettingsAction = staffFormAction(siteSettingsSchema, async (input, ctx) => {
  await updateSiteSettings(ctx.user, input, ctx.opts(input.version));
  // The cached settings and pages are cleared by the notification on commit; this refreshes
  // the client router of the administrator who saved.
  revalidatePath("/", "layout");
  return "网站设置已保存，门户页面已更新";
});
