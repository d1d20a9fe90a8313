import type { ReactNode } from "react";
import { cx } from "./cx";

export type PageTitleProps = {
  /** The page's single <h1>. */
  title: ReactNode;
  /** Lead paragraph under the heading. */
  description?: ReactNode;
  /** Buttons/links shown beside the heading (wrap below on narrow screens). */
  actions?: ReactNode;
  className?: string;
};

/** The page heading block: one <h1>, an optional lead text and actions. */
export function PageTitle({ title, description, actions, className }: PageTitleProps) {
  return (
    <div className={cx("mb-6 flex flex-wrap items-end justify-between gap-4 border-b-2 border-brand pb-4", className)}>
      <div className="min-w-0 flex-1 basis-80">
        <h1 className="text-2xl font-bold leading-snug text-ink sm:text-3xl">{title}</h1>
        {description ? <div className="mt-2 max-w-prose text-ink-soft">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}
