import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { htmlClassFor, MAIN_CONTENT_ID } from "@/lib/site/a11y";
import { getA11yPrefs } from "@/lib/site/a11y-server";
import { getSiteSettings } from "@/lib/site/settings";

export async function generateMetadata(): Promise<Metadata> {
  const s = await getSiteSettings();
  return {
    title: { default: `${s.siteName}政府信息公开`, template: `%s - ${s.siteName}` },
    description: `${s.siteName}政府信息公开平台：公开指南、公开制度、法定主动公开内容、依申请公开和政府信息公开年报。`,
    // Meta tags named in the government-website specification (政府网站发展指引).
    other: {
      SiteName: s.siteName,
      ...(s.siteCode ? { SiteIDCode: s.siteCode } : {}),
    },
    formatDetection: { telephone: false },
  };
}

/**
 * Root layout. Reads the large-text / high-contrast cookies (set by /a11y)
 * and puts the matching classes on <html>, so the modes work without
 * JavaScript. The skip link targets the <main id="main-content"> that every
 * layout below must render.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const prefs = await getA11yPrefs();
  return (
    <html lang="zh-CN" className={htmlClassFor(prefs)}>
      <body className="bg-page font-sans text-ink antialiased">
        <a
          href={`#${MAIN_CONTENT_ID}`}
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-focus focus:px-4 focus:py-3 focus:text-lg focus:font-bold focus:text-black"
        >
          跳到主要内容
        </a>
        {children}
      </body>
    </html>
  );
}
