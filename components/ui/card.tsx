import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";

export type CardProps = {
  /** Card heading. */
  title: ReactNode;
  /** Heading level of the title (default 2), to keep the page outline right. */
  headingLevel?: 2 | 3 | 4;
  /** When set, the title links here and the whole card is clickable. */
  href?: string;
  /** Short text under the title. */
  description?: ReactNode;
  /** Small text above the title (e.g. an article label). */
  eyebrow?: ReactNode;
  /** Extra content (lists, links). Links inside stay separately clickable. */
  children?: ReactNode;
  className?: string;
};

/**
 * A bordered content block. With `href`, the title is the link (its text is the
 * accessible name) and a pseudo-element stretches the click target over the
 * card; interactive children sit above it and stay usable.
 */
export function Card({ title, headingLevel = 2, href, description, eyebrow, children, className }: CardProps) {
  const H = `h${headingLevel}` as const;
  return (
    <section
      className={cx(
        "relative flex flex-col gap-2 rounded-lg border border-line bg-surface p-5 shadow-sm",
        href && "hover:border-brand focus-within:border-brand",
        className,
      )}
    >
      {eyebrow ? <p className="text-sm text-muted">{eyebrow}</p> : null}
      <H className="text-xl font-bold text-ink">
        {href ? (
          <Link
            href={href}
            className="text-brand underline-offset-4 hover:underline after:absolute after:inset-0 after:rounded-lg after:content-['']"
          >
            {title}
            <span aria-hidden="true"> ›</span>
          </Link>
        ) : (
          title
        )}
      </H>
      {description ? <div className="text-ink-soft">{description}</div> : null}
      {children ? <div className="relative z-10 mt-1">{children}</div> : null}
    </section>
  );
}
