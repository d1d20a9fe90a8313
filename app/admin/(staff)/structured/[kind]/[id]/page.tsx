import Link from "next/link";
import { notFound } from "next/navigation";
import { StructuredWorkflow } from "@/components/admin/structured-workflow";
import { requirePagePermission } from "@/lib/auth/guard";
import { itemActionsFor } from "@/lib/disclosure/item-actions";
import { getForStaff } from "@/lib/structured/admin-queries";
import { SLUG_KINDS } from "../../kind-config";
import { FormFor } from "../form-for";

export const metadata = { title: "结构化公开内容" };

export default async function AdminKindItem({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<{ saved?: string; done?: string }>;
}) {
  const { kind: slug, id } = await params;
  const cfg = SLUG_KINDS[slug];
  if (!cfg) notFound();
  const path = `/admin/structured/${slug}/${id}`;
  const user = await requirePagePermission("admin:access", path);
  const rec = await getForStaff(user, cfg.kind, id);
  if (!rec) notFound();
  const actions = await itemActionsFor(user, id);
  const sp = await searchParams;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">
        {cfg.label}：{rec.item.workingRevision.title}
      </h1>
      <p className="mb-4 text-sm text-gray-800">
        索引号：{rec.item.indexNumber}
        {rec.item.publishedRevisionId ? (
          <Link href={cfg.publicHref(id, rec.record.departmentId)} className="ms-3 text-blue-800 underline">
            查看公开页面
          </Link>
        ) : null}
      </p>
      {sp.saved ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 已保存为草稿。请提交保密审查。
        </p>
      ) : null}
      <div className="mb-6">
        <StructuredWorkflow
          done={sp.done}
          itemId={id}
          path={path}
          stateLabel={rec.stateLabel}
          hash={rec.item.workingRevision.hash}
          allowed={actions.allowed}
          blocked={actions.blocked}
          events={rec.events}
        />
      </div>
      {actions.allowed.has("edit") ? (
        <>
          <h2 className="mb-2 text-xl font-bold">修改</h2>
          <FormFor
            user={user}
            kind={cfg.kind}
            data={rec.data}
            itemId={id}
            baseRevisionId={rec.item.workingRevision.id}
            submitLabel="保存修改（草稿）"
          />
        </>
      ) : null}
    </>
  );
}
