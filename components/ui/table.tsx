import type { ReactNode } from "react";
import { cx } from "./cx";

export type TableProps = {
  /** Required table caption (also names the scroll region for screen readers). */
  caption: string;
  /** Hide the caption visually (it stays available to screen readers). */
  captionHidden?: boolean;
  /** <thead>/<tbody> content; use <th scope="col"> / <th scope="row">. */
  children: ReactNode;
  className?: string;
};

/**
 * A styled <table> with a <caption>, wrapped in a keyboard-focusable,
 * horizontally scrollable region so wide tables work down to 360 px.
 */
export function Table({ caption, captionHidden, children, className }: TableProps) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className={cx("w-full overflow-x-auto rounded-md border border-line", className)}>
      <table
        className={cx(
          "w-full border-collapse bg-surface text-left",
          "[&_th]:border-b [&_th]:border-line [&_th]:bg-surface-muted [&_th]:px-3 [&_th]:py-2 [&_th]:font-bold",
          "[&_td]:border-b [&_td]:border-line [&_td]:px-3 [&_td]:py-2 [&_td]:align-top",
          "[&_tbody_tr:hover]:bg-brand-soft/40",
        )}
      >
        <caption className={captionHidden ? "sr-only" : "px-3 py-2 text-left font-bold text-ink"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
