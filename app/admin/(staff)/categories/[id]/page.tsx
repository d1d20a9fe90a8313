import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { categoryFacts } from "@/lib/categories/save-category";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import { deleteCategoryAction, saveCategoryAction } from "../actions";
import { loadCategoryTree, parentOptions } from "../category-options";

export const metadata = { title: "编辑分类" };

/** /admin/categories/new creates (?parent= preselects the parent); /admin/categories/{id} edits. */
export default async function CategoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; parent?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePagePermission("categories:manage", `/admin/categories/${id}`);
  const isNew = id === "new";
  const c = isNew ? null : await db().category.findUnique({ where: { id } });
  if (!isNew && !c) notFound();
  const sp = await searchParams;
  const [tree, facts] = await Promise.all([loadCategoryTree(), c ? categoryFacts(db(), c) : undefined]);
  const parents = parentOptions(tree, c?.id);
  const defaultParent = c ? (c.parentId ?? "") : (parents.find((o) => o.value === sp.parent)?.value ?? "");
  // The same answers guard the verbs (lib/categories/save-category.ts, delete-category.ts).
  const may = adminPolicy(actor, { category: facts });
  const recode = may["category.change-code"];
  const remove = may["category.delete"];
  const codeHint = recode.allowed ? "用于索引号，1–10 位数字或大写字母，如 A0104；分类一经使用不能再修改" : recode.reason;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/categories" className="text-blue-800 underline">
          ← 返回主题分类
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{c ? `编辑分类：${c.name}` : "新建分类"}</h1>
      {sp.created ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 分类已创建。
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <ActionForm action={saveCategoryAction} className="max-w-2xl rounded border border-gray-300 bg-white p-6 lg:col-span-2">
          {c ? <Hidden name="id" value={c.id} /> : null}
          <TextField name="code" label="分类代码" required maxLength={10} hint={codeHint} defaultValue={c?.code} />
          <TextField name="name" label="分类名称" required maxLength={60} defaultValue={c?.name} />
          <TextField
            name="article"
            label="条例依据"
            maxLength={40}
            hint="如 第二十条第（一）项；留空时沿用上级分类的依据，顶级分类留空表示地方补充目录"
            defaultValue={c?.article}
          />
          <TextArea
            name="description"
            label="分类说明"
            maxLength={500}
            rows={3}
            hint="显示在公开目录的分类名称下方，可留空"
            defaultValue={c?.description}
          />
          <SelectField name="parentId" label="上级分类" options={parents} placeholder="（无，顶级分类）" defaultValue={defaultParent} />
          <TextField
            name="sortOrder"
            label="排序"
            type="number"
            hint="0–9999，同级分类按排序号、再按代码排列"
            defaultValue={String(c?.sortOrder ?? 0)}
          />
        </ActionForm>
        {c && facts ? (
          <div className="space-y-6">
            <section aria-labelledby="usage" className="rounded border border-gray-300 bg-white p-6">
              <h2 id="usage" className="mb-2 text-lg font-bold">
                使用情况
              </h2>
              <ul className="list-disc space-y-1 ps-5">
                <li>下级分类 {facts.children} 个</li>
                <li>信息版本 {facts.revisions} 个</li>
                <li>已公开信息 {facts.searchDocuments} 条</li>
              </ul>
              <p className="mt-3">
                <Link href={`/admin/categories/new?parent=${encodeURIComponent(c.id)}`} className="text-blue-800 underline">
                  在此分类下新建下级分类
                </Link>
              </p>
            </section>
            <section aria-labelledby="delete" className="rounded border border-gray-300 bg-white p-6">
              <h2 id="delete" className="mb-2 text-lg font-bold">
                删除分类
              </h2>
              {remove.allowed ? (
                <ActionForm action={deleteCategoryAction} submitLabel="删除分类">
                  <Hidden name="id" value={c.id} />
                  <p>该分类没有下级分类，也未被任何信息使用，可以删除。删除记入操作日志。</p>
                </ActionForm>
              ) : (
                <p>不能删除：{remove.reason}</p>
              )}
            </section>
          </div>
        ) : null}
      </div>
    </>
  );
}
