// Large-text and high-contrast modes that do not depend on the browser
// (GB/T 37668-2019; 国办公开办函〔2021〕28号). The preference lives in two
// cookies set by GET /a11y and read by the root layout, which puts classes on
// <html>; it therefore works without JavaScript. Pure, unit-tested.

export const A11Y_TEXT_COOKIE = "a11y_text";
export const A11Y_CONTRAST_COOKIE = "a11y_contrast";

/** Path of the route handler that changes the preferences. */
export const A11Y_ROUTE = "/a11y";

/** Classes the root layout puts on <html>, styled in app/globals.css. */
export const LARGE_TEXT_CLASS = "text-large";
export const HIGH_CONTRAST_CLASS = "contrast-high";

export type A11yPrefs = { largeText: boolean; highContrast: boolean };

export type A11yMode = "large" | "contrast" | "reset";

export const A11Y_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Reads the preferences from cookie values (anything unexpected means "off"). */
export function parseA11yPrefs(get: (name: string) => string | undefined): A11yPrefs {
  return {
    largeText: get(A11Y_TEXT_COOKIE) === "large",
    highContrast: get(A11Y_CONTRAST_COOKIE) === "high",
  };
}

/** The class list for <html>, or undefined when both modes are off. */
export function htmlClassFor(prefs: A11yPrefs): string | undefined {
  const classes = [prefs.largeText && LARGE_TEXT_CLASS, prefs.highContrast && HIGH_CONTRAST_CLASS].filter(Boolean);
  return classes.length ? classes.join(" ") : undefined;
}

/** Parses `mode` and `set` query values; null for anything unknown. */
export function parseA11yRequest(mode: string | null, set: string | null): { mode: A11yMode; on: boolean } | null {
  if (mode !== "large" && mode !== "contrast" && mode !== "reset") return null;
  return { mode, on: mode !== "reset" && set !== "off" };
}

/**
 * Cookie changes for a request: a value to store, or null to delete the cookie.
 * Explicit on/off (rather than a toggle) keeps GET idempotent.
 */
export function cookieChanges(req: { mode: A11yMode; on: boolean }): { name: string; value: string | null }[] {
  switch (req.mode) {
    case "large":
      return [{ name: A11Y_TEXT_COOKIE, value: req.on ? "large" : null }];
    case "contrast":
      return [{ name: A11Y_CONTRAST_COOKIE, value: req.on ? "high" : null }];
    case "reset":
      return [
        { name: A11Y_TEXT_COOKIE, value: null },
        { name: A11Y_CONTRAST_COOKIE, value: null },
      ];
  }
}

const MAX_BACK_LENGTH = 2048;

/**
 * Returns `back` when it is a same-origin path ("/…", not "//…" nor "/\…", no
 * scheme, no control characters, not the toggle route itself), else "/".
 * Prevents the toggle from becoming an open redirect.
 */
export function safeBackPath(back: string | null | undefined): string {
  if (typeof back !== "string" || back.length === 0 || back.length > MAX_BACK_LENGTH) return "/";
  // Control characters and backslashes are rejected outright: browsers treat
  // "\" like "/" and strip tabs/newlines, which turns "/\t/evil" into "//evil".
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(back)) return "/";
  if (!back.startsWith("/") || back.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(back, "http://portal.invalid");
  } catch {
    return "/";
  }
  if (url.origin !== "http://portal.invalid") return "/";
  if (url.pathname === A11Y_ROUTE || url.pathname.startsWith(A11Y_ROUTE + "/")) return "/";
  return url.pathname + url.search + url.hash;
}

/**
 * Path and query of a Referer header whose host is one of `hosts` (the
 * request's Host / X-Forwarded-Host, as seen by the browser), or null. Only the
 * path is ever used, so the redirect stays on this site regardless.
 */
export function backFromReferer(referer: string | null, hosts: readonly (string | null | undefined)[]): string | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    const allowed = hosts.flatMap((h) => (h ? h.split(",").map((x) => x.trim().toLowerCase()) : []));
    if (!allowed.includes(u.host.toLowerCase())) return null;
    return safeBackPath(u.pathname + u.search);
  } catch {
    return null;
  }
}

/**
 * Where to send the visitor back to. The form's `back` carries only the path
 * (the toolbar cannot know the query string without client-side Suspense,
 * which breaks without JavaScript); a same-origin Referer for the same path
 * supplies the query string. Either may be missing.
 */
export function chooseBackPath(backParam: string | null, refererPath: string | null): string {
  const back = backParam === null ? null : safeBackPath(backParam);
  if (back && refererPath && pathOf(back) === pathOf(refererPath)) return refererPath;
  return back ?? refererPath ?? "/";
}

function pathOf(p: string): string {
  return p.split(/[?#]/, 1)[0] ?? p;
}

/** id of the <main> element the "跳到主要内容" skip link points to. */
export const MAIN_CONTENT_ID = "main-content";
