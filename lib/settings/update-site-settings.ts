import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import type { SiteSettingsInput } from "./site-settings-schema";

export async function updateSiteSettings(actor: SessionUser, input: SiteSettingsInput, meta: { ip: string }) {
  await authorizeUser(actor, "settings:manage", { action: "settings.update", ip: meta.ip });
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "SiteSetting" WHERE id = 1 FOR UPDATE`;
    const before = await tx.siteSetting.findUnique({ where: { id: 1 } });
    const after = await tx.siteSetting.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "settings.update", entityType: "SiteSetting", entityId: "1", ip: meta.ip, before, after });
    // Every public page carries the footer: clear the cached pages on commit.
    await notifyCatalogueChanged(tx, "site-settings");
    return after;
  });
}
