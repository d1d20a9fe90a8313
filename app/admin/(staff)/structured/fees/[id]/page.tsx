import Link from "next/link";
import { notFound } from "next/navigation";
import { StructuredFeeForm } from "@/components/admin/structured-fee-form";
import { StructuredWorkflow } from "@/components/admin/structured-workflow";
import { requirePagePermission } from "@/lib/auth/guard";
import { itemActionsFor } from "@/lib/disclosure/item-actions";
import { departmentOptionsFor, getForStaff, listForStaff } from "@/lib/structured/admin-queries";
import { describeStandard } from "@/lib/structured/rules/fee";

export const metadata = { title: "收费项目" };

export default async function AdminFeePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; done?: string }>;
}) {
  const { id } = await params;
  const user = await requirePagePermission("admin:access", `/admin/structured/fees/${id}`);
  const rec = await getForStaff(user, "FEE", id);
  if (!rec) notFound();
  const [departments, fees, actions] = await Promise.all([departmentOptionsFor(user), listForStaff(user, "FEE"), itemActionsFor(user, id)]);
  const path = `/admin/structured/fees/${id}`;
  const sp = await searchParams;
  const canEdit = actions.allowed.has("edit");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">收费项目：{rec.data?.name ?? rec.item.workingRevision.title}</h1>
      <p className="mb-4 text-sm text-gray-800">索引号：{rec.item.indexNumber}</p>
      {sp.saved ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 已保存为草稿。请提交保密审查。
        </p>
      ) : null}
      {rec.publishedData ? (
        <p className="mb-4">
          公众当前看到的标准：<strong>{describeStandard(rec.publishedData)}</strong>（
          <Link href={`/xxgk/fees/${id}`} className="text-blue-800 underline">
            查看公开页面
          </Link>
          ）
          {user.roles.includes("CLERK") && rec.state === "PUBLISHED" ? (
            <Link href={`/admin/structured/fees/new?adjust=${id}`} className="ms-4 rounded border border-red-800 px-3 py-1 text-red-800">
              调整收费标准
            </Link>
          ) : null}
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
      {canEdit ? (
        <>
          <h2 className="mb-2 text-xl font-bold">修改</h2>
          <StructuredFeeForm
            data={rec.data}
            itemId={id}
            baseRevisionId={rec.item.workingRevision.id}
            departments={departments}
            otherFees={fees.map((f) => ({ itemId: f.itemId, title: f.title }))}
            submitLabel="保存修改（草稿）"
          />
        </>
      ) : null}
    </>
  );
}
