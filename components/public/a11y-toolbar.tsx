"use client";

import { usePathname } from "next/navigation";
import { A11Y_ROUTE, type A11yPrefs } from "@/lib/site/a11y";
import { cx } from "@/components/ui/cx";

export type A11yToolbarProps = {
  /** The visitor's current preferences (read from cookies on the server). */
  prefs: A11yPrefs;
  className?: string;
};

const buttonBase =
  "inline-flex min-h-11 items-center gap-1 rounded-md border-2 px-2 py-1 text-base font-medium leading-normal sm:px-3";

/**
 * 大字版 / 高对比度 / 恢复默认. Each button submits a tiny GET form to /a11y,
 * which sets a cookie and redirects back here — so the modes work without
 * JavaScript and do not depend on browser settings. A client component only
 * for usePathname() (fully rendered on the server). The query string is not
 * read here: useSearchParams() would need a Suspense boundary whose server
 * fallback stays in place without JavaScript; /a11y takes it from the Referer.
 */
export function A11yToolbar({ prefs, className }: A11yToolbarProps) {
  const back = usePathname() || "/";
  return (
    <div role="group" aria-label="无障碍浏览" className={cx("flex flex-wrap items-center gap-2", className)}>
      <span className="hidden text-sm text-muted sm:inline" aria-hidden="true">
        无障碍浏览：
      </span>
      <ToggleForm mode="large" label="大字版" on={prefs.largeText} back={back} />
      <ToggleForm mode="contrast" label="高对比度" on={prefs.highContrast} back={back} />
      <form action={A11Y_ROUTE} method="get">
        <input type="hidden" name="mode" value="reset" />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className={cx(buttonBase, "border-line bg-surface text-ink hover:border-brand")}>
          恢复默认
        </button>
      </form>
    </div>
  );
}

function ToggleForm({ mode, label, on, back }: { mode: "large" | "contrast"; label: string; on: boolean; back: string }) {
  return (
    <form action={A11Y_ROUTE} method="get">
      <input type="hidden" name="mode" value={mode} />
      {on ? <input type="hidden" name="set" value="off" /> : null}
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        aria-pressed={on}
        className={cx(
          buttonBase,
          on ? "border-brand bg-brand text-on-brand" : "border-line bg-surface text-ink hover:border-brand",
        )}
      >
        {/* The tick and bold weight show the state without relying on colour. */}
        {on ? <span aria-hidden="true">✓</span> : null}
        <span className={on ? "font-bold" : undefined}>{label}</span>
      </button>
    </form>
  );
}
