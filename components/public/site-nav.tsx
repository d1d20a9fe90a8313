"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ariaCurrentFor, PUBLIC_NAV, type NavItem } from "@/lib/site/navigation";
import { cx } from "@/components/ui/cx";

export type SiteNavProps = {
  /** Items to show; defaults to the 政府信息公开 navigation. */
  items?: readonly NavItem[];
};

/**
 * The main navigation bar. The current section gets aria-current ("page" on
 * the item's own page, "true" below it) plus a white background, bold text and
 * a thick underline, so the state is not conveyed by colour alone. On narrow
 * screens the list wraps into a grid — no JavaScript menu to open. A client
 * component only for usePathname(); it is fully rendered on the server.
 */
export function SiteNav({ items = PUBLIC_NAV }: SiteNavProps) {
  const pathname = usePathname() || "/";
  return (
    <nav aria-label="主导航" className="site-nav bg-nav">
      <ul className="mx-auto grid max-w-6xl grid-cols-2 gap-px px-2 py-1 sm:grid-cols-4 sm:px-4 lg:flex lg:flex-wrap lg:gap-1 lg:py-0">
        {items.map((item) => {
          const current = ariaCurrentFor(pathname, item.href, items);
          return (
            <li key={item.href} className="lg:flex-auto">
              <Link
                href={item.href}
                aria-current={current}
                className={cx(
                  "flex min-h-12 items-center justify-center border-b-4 px-2 py-2 text-center text-base leading-snug sm:text-lg lg:whitespace-nowrap lg:px-3",
                  current
                    ? "border-brand bg-surface font-bold text-brand underline decoration-2 underline-offset-4"
                    : "border-transparent text-on-banner hover:border-on-banner hover:underline",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
