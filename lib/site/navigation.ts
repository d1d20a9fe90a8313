// The public portal's main navigation (政府信息公开 column) and the rule that
// decides which item is "current". Pure, unit-tested.

export type NavItem = { href: string; label: string };

/** Main navigation, in display order. */
export const PUBLIC_NAV: readonly NavItem[] = [
  { href: "/", label: "首页" },
  { href: "/xxgk", label: "政府信息公开" },
  { href: "/xxgk/guide", label: "公开指南" },
  { href: "/xxgk/rules", label: "公开制度" },
  { href: "/xxgk/catalog", label: "法定主动公开内容" },
  { href: "/ysqgk", label: "依申请公开" },
  { href: "/xxgk/annual-reports", label: "公开年报" },
];

/** Normalises a path: no query/hash, no trailing slash (except "/"). */
export function normalizePath(path: string): string {
  const p = path.split(/[?#]/, 1)[0] || "/";
  const trimmed = p.length > 1 ? p.replace(/\/+$/, "") : p;
  return trimmed || "/";
}

/** True when `path` is `base` or lies below it (segment boundary respected). */
export function isWithin(path: string, base: string): boolean {
  const p = normalizePath(path);
  const b = normalizePath(base);
  if (b === "/") return p === "/";
  return p === b || p.startsWith(b + "/");
}

/**
 * The href of the item the current page belongs to: the longest item href
 * that `pathname` equals or lies below ("/" only matches the home page), or
 * null when the page is outside the navigation.
 */
export function currentNavHref(pathname: string, items: readonly NavItem[] = PUBLIC_NAV): string | null {
  let best: string | null = null;
  for (const item of items) {
    if (isWithin(pathname, item.href) && (best === null || normalizePath(item.href).length > normalizePath(best).length)) {
      best = item.href;
    }
  }
  return best;
}

/**
 * The aria-current value for a navigation item: "page" on the item's own page,
 * "true" inside its section, undefined otherwise.
 */
export function ariaCurrentFor(pathname: string, href: string, items: readonly NavItem[] = PUBLIC_NAV): "page" | "true" | undefined {
  if (currentNavHref(pathname, items) !== href) return undefined;
  return normalizePath(pathname) === normalizePath(href) ? "page" : "true";
}
