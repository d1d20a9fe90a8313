import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getItemForStaff } from "@/lib/disclosure/queries";
import { publishedItemOptions } from "@/lib/disclosure/form-options";
import { WITHDRAWAL_REASONS, WITHDRAWAL_REASON_LABELS } from "@/lib/disclosure/rules/workflow";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextArea } from "@/components/forms/field";
import { withdrawItemAction } from "../../actions";

export const metadata = { title: "撤回信息" };

export default async function WithdrawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/disclosures/${id}/withdraw`);
  const item = await getItemForStaff(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const items = await publishedItemOptions(user, id);
  return (
    <>
      <nav aria-label="面包屑" className="mb-2 text-sm">
        <Link href={`/admin/disclosures/${id}`} className="underline">
          信息详情
        </Link>{" "}
        › 撤回
      </nav>
      <h1 className="mb-4 text-2xl font-bold">撤回：{item.workingRevision.title}</h1>
      <ul className="mb-4 list-disc pl-6">
        <li>发布错误：公开页面将不再提供内容（410）。</li>
        <li>已被替代：公开页面指向替代它的新信息。</li>
        <li>已失效/废止：公开页面保留并标注撤回说明。</li>
      </ul>
      <ActionForm action={withdrawItemAction} submitLabel="确认撤回" className="max-w-2xl rounded border border-gray-300 bg-white p-6">
        <Hidden name="itemId" value={id} />
        <Hidden name="version" value={String(item.version)} />
        <SelectField
          name="reason"
          label="撤回原因"
          required
          placeholder="请选择"
          options={WITHDRAWAL_REASONS.map((r) => ({ value: r, label: WITHDRAWAL_REASON_LABELS[r] }))}
        />
        <SelectField name="replacementItemId" label="替代该信息的新信息（“已被替代”时必选）" options={items} placeholder="（无）" />
        <TextArea name="comment" label="撤回说明" rows={3} />
      </ActionForm>
    </>
  );
}
