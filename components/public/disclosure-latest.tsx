import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import type { Loaded } from "@/lib/site/safe-load";
import type { PublicListRow } from "@/lib/disclosure/public-queries";
import { itemPath } from "@/lib/disclosure/public-params";
import { chinaDate, validityLabel } from "@/lib/disclosure/public-format";

/** "最新公开": the newest published items, with a link to the Atom feed. */
export function DisclosureLatest({ load, headingId = "latest-title" }: { load: Loaded<PublicListRow[]>; headingId?: string }) {
  return (
    <section aria-labelledby={headingId}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-bold text-ink sm:text-2xl">
          最新公开
        </h2>
        <span className="flex gap-4">
          <Link href="/xxgk/catalog" className="text-link underline underline-offset-4">
            更多<span aria-hidden="true"> ›</span>
          </Link>
          <a href="/feed.xml" className="text-link underline underline-offset-4">
            订阅（Atom）
          </a>
        </span>
      </div>
      {!load.ok ? (
        <LoadError message={load.message} errorId={load.errorId} />
      ) : load.data.length === 0 ? (
        <Alert tone="info" role="none" title="暂无公开信息" />
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line bg-surface">
          {load.data.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <Link href={itemPath(r.id)} className="min-w-0 text-link underline underline-offset-4">
                {r.validity !== "VALID" ? <span className="me-1 font-bold text-warning">【{validityLabel(r.validity)}】</span> : null}
                {r.title}
              </Link>
              <span className="shrink-0 text-sm text-muted">
                {r.department ? `${r.department.name}　` : ""}
                <time dateTime={r.publishedAt.toISOString()}>{chinaDate(r.publishedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
