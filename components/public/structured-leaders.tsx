import type { LeaderView } from "@/lib/structured/leaders";
import { chinaDate } from "./structured-meta";

/** Leader cards: photo (or a placeholder), name, title, 分工, 分管单位, CV. */
export function StructuredLeaders({ leaders }: { leaders: LeaderView[] }) {
  return (
    <ul className="space-y-4">
      {leaders.map((l) => (
        <li key={l.itemId} className="flex gap-4 rounded-lg border border-line bg-surface p-4" data-testid="leader">
          {l.photoId ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={`/xxgk/leaders/photo/${l.photoId}`} alt={`${l.name}照片`} width={120} height={160} className="h-40 w-30 shrink-0 rounded object-cover" />
          ) : (
            <div aria-hidden="true" className="flex h-40 w-30 shrink-0 items-center justify-center rounded bg-surface-muted text-3xl text-muted">
              {l.name.slice(0, 1)}
            </div>
          )}
          <div className="min-w-0">
            <h3 className="text-lg font-bold">
              {l.name}
              <span className="ms-2 text-base font-normal">{l.title}</span>
            </h3>
            <p className="mt-1">
              <strong>工作分工：</strong>
              {l.duties}
            </p>
            {l.overseesNames.length ? (
              <p className="mt-1">
                <strong>分管单位：</strong>
                {l.overseesNames.join("、")}
              </p>
            ) : null}
            {l.cv ? <p className="mt-1 text-sm text-ink-soft">{l.cv}</p> : null}
            <p className="mt-1 text-sm text-muted">
              任职时间：{l.termStart} 起{l.termEnd ? `至 ${l.termEnd}` : ""}
            </p>
            {/* Each leader is a disclosure item of its own: its 元数据, of the revision shown. */}
            <p className="mt-1 text-sm text-muted" data-testid="leader-meta">
              索引号：{l.meta.indexNumber || "—"}　发布日期：{chinaDate(l.meta.publishedAt ?? l.meta.firstPublishedAt)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The "as of" date form (GET; works without JavaScript). */
export function StructuredAsOfForm({ action, date }: { action: string; date: string | null }) {
  return (
    <form method="get" action={action} className="mb-6 flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-4">
      <div>
        <label htmlFor="asof" className="mb-1 block font-medium">
          查看历史分工（日期）
        </label>
        <input id="asof" name="date" type="date" defaultValue={date ?? ""} className="rounded border border-line px-3 py-2" />
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
        查看
      </button>
      {date ? (
        <a href={action} className="text-link underline underline-offset-4">
          查看现任
        </a>
      ) : null}
    </form>
  );
}
