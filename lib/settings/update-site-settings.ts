import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { siteSettingsSchema } from "./site-settings-schema";

/** The portal's header and footer (网站标识). One row, id 1, created on the first save. */
export const updateSiteSettings = defineVerb({
  action: "settings.update",
  entityType: "SiteSetting",
  permission: "settings:manage",
  input: siteSettingsSchema,
  entityId: () => "1",
  load: async ({ tx }) => {
    await tx.$executeRaw`SELECT 1 FROM "SiteSetting" WHERE id = 1 FOR UPDATE`;
    // Wrapped: a missing row is not "not found" but the first save.
    return { before: await tx.siteSetting.findUnique({ where: { id: 1 } }) };
  },
  version: (loaded) => loaded.before?.updatedAt.getTime() ?? 0,
  decide: ({ actor }) => {
    requireAllowed(adminPolicy(actor), "settings.update");
  },
  apply: async ({ tx, input }) => {
    const { version: _version, ...data } = input;
    const after = await tx.siteSetting.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    // Every public page carries the footer: clear the cached pages on commit.
    await notifyCatalogueChanged(tx, "site-settings");
    return after;
  },
  audit: ({ loaded, result }) => ({ before: loaded.before, after: result }),
});
