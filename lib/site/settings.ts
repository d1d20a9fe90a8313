import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import { DEFAULT_SITE_NAME, fallbackSiteSettings, resolveSiteSettings, type SiteSettings } from "./settings-model";

export type { SiteSettings } from "./settings-model";

/** Cache tag of the site settings; call `revalidateSiteSettings()` after changing the row. */
export const SITE_SETTINGS_TAG = "site-settings";

// Only the row is cached (JSON-serialisable strings). A missing row is cached
// as null — creating it must revalidate the tag, like any other change. A
// database error is *not* cached: it throws out of the cache scope and the
// caller serves the fallback, so the next request tries again.
const loadRow = unstable_cache(
  async () =>
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
  ["site-settings", "v1"],
  // The time limit is a safety net for writers that forget to revalidate.
  { tags: [SITE_SETTINGS_TAG], revalidate: 300 },
);

/**
 * The site settings (SiteSetting row id = 1), cached under the tag
 * "site-settings". Never throws: when the row is missing or the database is
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

/**
 * Marks the cached site settings stale (stale-while-revalidate, profile "max").
 * Call it from the Server Action / Route Handler that changes the SiteSetting
 * row. A Server Action that must show the new values immediately may call
 * `updateTag(SITE_SETTINGS_TAG)` from next/cache instead.
 */
export function revalidateSiteSettings(): void {
  revalidateTag(SITE_SETTINGS_TAG, "max");
}
