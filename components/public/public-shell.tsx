import type { ReactNode } from "react";
import { getA11yPrefs } from "@/lib/site/a11y-server";
import { MAIN_CONTENT_ID } from "@/lib/site/a11y";
import { getSiteSettings } from "@/lib/site/settings";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * The complete public page frame: header (utility bar, banner, navigation),
 * <main id="main-content"> (target of the skip link) and footer. Used by the
 * (public) layout and by the root not-found page.
 */
export async function PublicShell({ children }: { children: ReactNode }) {
  const [settings, prefs] = await Promise.all([getSiteSettings(), getA11yPrefs()]);
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader settings={settings} prefs={prefs} />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
