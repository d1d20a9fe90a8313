import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { listItems } from "@/lib/disclosure/queries";
import { ITEM_STATES, ITEM_STATE_LABELS, type ItemState } from "@/lib/disclosure/rules/workflow";
import { DisclosureSubnav } from "@/components/admin/disclosure-subnav";
import { DisclosureItemTable } from "@/components/admin/disclosure-item-table";

export const metadata = { title: "主动公开信息" };

export default async function DisclosureListPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const user = await requireUser("/admin/disclosures");
  const mine = sp.view === "mine";
  const state = ITEM_STATES.includes(sp.state as ItemState) ? (sp.state as ItemState) : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const q = sp.q?.trim().slice(0, 100) || undefined;
  const r = await listItems(user, {
    states: mine ? ["DRAFT"] : state ? [state] : undefined,
    draftsOf: mine ? user.id : undefined,
    late: sp.late === "1",
    q,
    page,
  });
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const href = (p: number) => {
    const u = new URLSearchParams();
    if (mine) u.set("view", "mine");
    if (state) u.set("state", state);
    if (q) u.set("q", q);
    if (sp.late === "1") u.set("late", "1");
    u.set("page", String(p));
    return `/admin/disclosures?${u}`;
  };
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{mine ? "我的草稿" : "主动公开信息"}</h1>
      <DisclosureSubnav user={user} current={mine ? "/admin/disclosures?view=mine" : "/admin/disclosures"} />
      {!mine ? (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="筛选信息">
          <div>
            <label htmlFor="f-q" className="block font-medium">
              标题或索引号
            </label>
            <input id="f-q" name="q" defaultValue={q} className="rounded border border-gray-500 px-3 py-2" />
          </div>
          <div>
            <label htmlFor="f-state" className="block font-medium">
              状态
            </label>
            <select id="f-state" name="state" defaultValue={state ?? ""} className="rounded border border-gray-500 px-3 py-2">
              <option value="">全部</option>
              {ITEM_STATES.map((s) => (
                <option key={s} value={s}>
                  {ITEM_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <label className="inline-flex items-center gap-2 py-2">
            <input type="checkbox" name="late" value="1" defaultChecked={sp.late === "1"} className="h-5 w-5" />
            只看超过20个工作日未发布/迟发布的
          </label>
          <button
            type="submit"
            className="rounded bg-red-800 px-4 py-2 text-white focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
          >
            筛选
          </button>
        </form>
      ) : null}
      <p className="mb-2" role="status">
        共 {r.total} 条
      </p>
      <DisclosureItemTable caption={mine ? "我的草稿" : "信息列表"} items={r.items} empty={mine ? "您没有草稿" : "没有符合条件的信息"} />
      {pages > 1 ? (
        <nav aria-label="分页" className="mt-4 flex gap-4">
          {page > 1 ? (
            <Link href={href(page - 1)} className="underline">
              上一页
            </Link>
          ) : null}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages ? (
            <Link href={href(page + 1)} className="underline">
              下一页
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
