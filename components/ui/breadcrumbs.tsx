import Link from "next/link";

export type BreadcrumbItem = {
  label: string;
  /** Omit for the current page (always the last item). */
  href?: string;
};

export type BreadcrumbsProps = {
  items: readonly BreadcrumbItem[];
  className?: string;
};

/**
 * "当前位置：首页 › 政府信息公开 › …" trail in a <nav aria-label="当前位置">.
 * The last item is the current page (aria-current="page", not a link).
 */
export function Breadcrumbs({ items, className }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="当前位置" className={className}>
      <div className="flex flex-wrap items-baseline gap-x-1 text-sm text-muted">
        <span aria-hidden="true">当前位置：</span>
        <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
          {items.map((item, i) => {
            const last = i === items.length - 1;
            return (
              <li key={`${i}-${item.label}`} className="flex items-center gap-1">
                {last || !item.href ? (
                  <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-ink" : undefined}>
                    {item.label}
                  </span>
                ) : (
                  <Link href={item.href} className="text-link underline underline-offset-4">
                    {item.label}
                  </Link>
                )}
                {!last ? (
                  <span aria-hidden="true" className="px-1">
                    ›
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
