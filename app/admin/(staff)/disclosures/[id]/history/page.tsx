import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { revisionsOf } from "@/lib/disclosure/queries";
import { diffRevisionRows } from "@/lib/disclosure/content";
import { formatDateTime } from "@/lib/disclosure/form-options";
import { DisclosureDiff } from "@/components/admin/disclosure-diff";
import { Table } from "@/components/ui";

export const metadata = { title: "修订历史" };

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const user = await requireUser(`/admin/disclosures/${id}/history`);
  const revs = await revisionsOf(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const authors = await db().user.findMany({ where: { id: { in: revs.map((r) => r.authorId) } }, select: { id: true, displayName: true } });
  const authorOf = (uid: string) => authors.find((a) => a.id === uid)?.displayName ?? "—";
  const byNo = (n: string | undefined) => revs.find((r) => String(r.number) === n);
  // Every item is created with its first revision; none means nothing to show.
  const latest = revs.at(-1);
  if (!latest) notFound();
  const right = byNo(sp.b) ?? latest;
  const left = byNo(sp.a) ?? revs.at(-2) ?? right;
  const diff = await diffRevisionRows(db(), left, right);
  return (
    <>
      <nav aria-label="面包屑" className="mb-2 text-sm">
        <Link href="/admin/disclosures" className="underline">
          主动公开
        </Link>{" "}
        ›{" "}
        <Link href={`/admin/disclosures/${id}`} className="underline">
          信息详情
        </Link>{" "}
        › 修订历史
      </nav>
      <h1 className="mb-4 text-2xl font-bold">修订历史：{right.title}</h1>
      <Table caption="全部版本（每次保存生成一个不可更改的版本）">
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">作者</th>
            <th scope="col">时间</th>
            <th scope="col">说明</th>
            <th scope="col">内容校验码</th>
          </tr>
        </thead>
        <tbody>
          {revs.map((r) => (
            <tr key={r.id}>
              <td>第 {r.number} 版</td>
              <td>{authorOf(r.authorId)}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>
                {[
                  r.redaction ? "部分公开删减版" : "",
                  r.publishedAt ? `已发布（${formatDateTime(r.publishedAt)}）` : "",
                  r.discardedAt ? "已放弃" : "",
                ]
                  .filter(Boolean)
                  .join("；") || "—"}
              </td>
              <td className="font-mono text-sm">{r.hash.slice(0, 12)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <form method="get" className="my-6 flex flex-wrap items-end gap-3" aria-label="选择要对比的版本">
        <div>
          <label htmlFor="cmp-a" className="block font-medium">
            旧版本
          </label>
          <select id="cmp-a" name="a" defaultValue={String(left.number)} className="rounded border border-gray-500 px-3 py-2">
            {revs.map((r) => (
              <option key={r.id} value={r.number}>
                第 {r.number} 版
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cmp-b" className="block font-medium">
            新版本
          </label>
          <select id="cmp-b" name="b" defaultValue={String(right.number)} className="rounded border border-gray-500 px-3 py-2">
            {revs.map((r) => (
              <option key={r.id} value={r.number}>
                第 {r.number} 版
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded bg-red-800 px-4 py-2 text-white focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
        >
          对比
        </button>
      </form>
      <h2 className="mb-2 text-xl font-bold">
        第 {left.number} 版 与 第 {right.number} 版 的差异
      </h2>
      <DisclosureDiff diff={diff} leftLabel={`第 ${left.number} 版`} rightLabel={`第 ${right.number} 版`} />
    </>
  );
}
