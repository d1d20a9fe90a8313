import { SearchIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";

export type SiteSearchFormProps = {
  /** Pre-filled query (e.g. on the results page). */
  defaultValue?: string;
  /** id of the input; change it when the form appears twice on a page. */
  inputId?: string;
  /** Name of the search landmark; make it unique when there are two. Default "站内搜索". */
  ariaLabel?: string;
  className?: string;
};

/** 站内搜索: a plain GET form to /search with the query in `q`; no JavaScript needed. */
export function SiteSearchForm({ defaultValue, inputId = "site-search-q", ariaLabel = "站内搜索", className }: SiteSearchFormProps) {
  return (
    <form action="/search" method="get" role="search" aria-label={ariaLabel} className={cx("flex w-full", className)}>
      <label htmlFor={inputId} className="sr-only">
        搜索关键词
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="请输入关键词"
        maxLength={100}
        autoComplete="off"
        className="min-h-12 w-full min-w-0 flex-1 rounded-s-md border-2 border-e-0 border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
      />
      <button
        type="submit"
        className="inline-flex min-h-12 shrink-0 items-center gap-1 rounded-e-md border-2 border-brand-strong bg-brand-strong px-4 text-base font-bold text-on-brand hover:underline"
      >
        <SearchIcon />
        搜索
      </button>
    </form>
  );
}
