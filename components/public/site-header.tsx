import Link from "next/link";
import type { A11yPrefs } from "@/lib/site/a11y";
import type { SiteSettings } from "@/lib/site/settings-model";
import { A11yToolbar } from "./a11y-toolbar";
import { SiteNav } from "./site-nav";
import { SiteSearchForm } from "./site-search-form";

export type SiteHeaderProps = {
  settings: SiteSettings;
  prefs: A11yPrefs;
};

/**
 * The public header: utility bar (welcome line + 大字版/高对比度/恢复默认),
 * the banner with the site name and the search box, then the main navigation.
 */
export function SiteHeader({ settings, prefs }: SiteHeaderProps) {
  return (
    <header>
      <div className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-x-4 gap-y-1 px-4 py-1.5 sm:justify-between">
          <p className="hidden text-sm text-muted sm:block">欢迎访问{settings.siteName}门户网站</p>
          <A11yToolbar prefs={prefs} />
        </div>
      </div>
      <div className="site-banner bg-banner bg-gradient-to-r from-banner to-banner-2 text-on-banner">
        <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-5 md:flex-row md:items-center md:justify-between md:py-7">
          <Link href="/" className="group block min-w-0 rounded-sm text-on-banner no-underline">
            <span className="block text-2xl font-bold tracking-wide sm:text-3xl md:text-4xl">{settings.siteName}</span>
            <span className="mt-1 block text-base tracking-[0.3em] opacity-95 group-hover:underline sm:text-lg">
              政府信息公开
            </span>
          </Link>
          <SiteSearchForm className="md:max-w-sm" />
        </div>
      </div>
      <SiteNav />
    </header>
  );
}
