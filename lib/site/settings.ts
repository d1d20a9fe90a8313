import "server-only";
import { db } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { DEFAULT_SITE_NAME, fallbackSiteSettings, resolveSiteSettings, type SiteSettings } from "./settings-model";

export type { SiteSettings } from "./settings-model";

// Only the row is cached, in the public read cache; updateSiteSettings clears it (and the
// page cache) with the catalogue notification on commit. A database error is not cached:
// the caller serves the fallback and the next request tries again.
const loadRow = () =>
  cachedCatalogue("site:settings", () =>
    db().siteSetting.findUnique({
      where: { id: 1 },
      select: {
        siteName: true,
        hostOrg: true,
        organizerOrg: true,
        address: true,
        postalCode: true,
        phone: true,
        email: true,
        siteCode: true,
        icpNo: true,
        psbNo: true,
      },
    }),
  );

/**
 * The site settings (SiteSetting row id = 1), cached. Never throws: when the row is missing or the database is
 * unreachable it returns a fallback built from `SITE_NAME` (isFallback = true),
 * so the public shell still renders.
 */
export async function getSiteSettings(): Promise<SiteSettings> {
  const fallbackName = process.env.SITE_NAME?.trim() || DEFAULT_SITE_NAME;
  try {
    return resolveSiteSettings(await loadRow(), fallbackName);
  } catch (e) {
    console.error("[site-settings] 读取网站设置失败，使用默认值:", e instanceof Error ? e.name : "unknown");
    return fallbackSiteSettings(fallbackName);
  }
}
