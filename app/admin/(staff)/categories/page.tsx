import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { LOCAL_CATEGORY_LABEL } from "@/lib/site/category-tree";
import { flattenTree, loadCategoryTree } from "./category-options";

export const metadata = { title: "主题分类" };

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const actor = await requirePagePermission("categories:manage", "/admin/categories");
  const [tree, current, visible] = await Promise.all([
    loadCategoryTree(),
    // Items whose current revision is filed under the category (all states).
    db().disclosureRevision.groupBy({ by: ["categoryId"], where: { workingOf: { isNot: null } }, _count: { _all: true } }),
    // Items citizens can see under the category.
    db().searchDocument.groupBy({ by: ["categoryId"], _count: { _all: true } }),
  ]);
  const itemCount = new Map(current.map((r) => [r.categoryId, r._count._all]));
  const publicCount = new Map(visible.map((r) => [r.categoryId, r._count._all]));
  const rows = flattenTree(tree);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">主题分类</h1>
        {adminPolicy(actor)["category.create"].allowed ? (
          <Link
            href="/admin/categories/new"
            className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
          >
            新建分类
          </Link>
        ) : null}
      </div>
      {(await searchParams).deleted ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 分类已删除。
        </p>
      ) : null}
      <p className="mb-4 text-gray-700">
        法定主动公开内容的分类目录（《政府信息公开条例》第二十条、第二十一条及本地补充目录）。分类代码是索引号的组成部分，分类一经使用，代码不能再修改。
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">尚未建立主题分类。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">主题分类树</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="p-2">
                  分类名称
                </th>
                <th scope="col" className="p-2">
                  代码
                </th>
                <th scope="col" className="p-2">
                  条例依据
                </th>
                <th scope="col" className="p-2">
                  信息条数
                </th>
                <th scope="col" className="p-2">
                  其中已公开
                </th>
                <th scope="col" className="p-2">
                  操作
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-b border-gray-200">
                  <th scope="row" className="p-2 font-normal" style={{ paddingLeft: `${0.5 + c.depth * 1.5}rem` }}>
                    {c.depth ? <span aria-hidden="true">└ </span> : null}
                    {c.depth ? <span className="sr-only">（第 {c.depth + 1} 级）</span> : null}
                    {c.name}
                  </th>
                  <td className="p-2 font-mono">{c.code}</td>
                  <td className="p-2">
                    {c.article || (
                      <span className="text-gray-700">
                        {c.articleLabel === LOCAL_CATEGORY_LABEL ? LOCAL_CATEGORY_LABEL : `（沿用上级：${c.articleLabel}）`}
                      </span>
                    )}
                  </td>
                  <td className="p-2">{itemCount.get(c.id) ?? 0}</td>
                  <td className="p-2">{publicCount.get(c.id) ?? 0}</td>
                  <td className="p-2">
                    <Link href={`/admin/categories/${c.id}`} className="text-blue-800 underline">
                      编辑<span className="sr-only">{c.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
