import { notFound, redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { categoryOptions, publishedItemOptions } from "@/lib/disclosure/form-options";
import { getItemForStaff } from "@/lib/disclosure/queries";
import { contentOf } from "@/lib/disclosure/content";
import { KIND_SLUGS } from "@/lib/structured/kinds";
import { DisclosureItemForm } from "@/components/admin/disclosure-item-form";
import { editItemAction } from "../../actions";

export const metadata = { title: "编辑主动公开信息" };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("disclosure:draft", `/admin/disclosures/${id}/edit`);
  const item = await getItemForStaff(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Structured disclosures are edited as data, in their own editor (editItem refuses them).
  const structured = await db().structuredRecord.findUnique({ where: { itemId: id }, select: { kind: true } });
  if (structured) redirect(`/admin/structured/${KIND_SLUGS[structured.kind]}/${encodeURIComponent(id)}`);
  if (item.state !== "DRAFT" && item.state !== "PUBLISHED") redirect(`/admin/disclosures/${id}?done=not-editable`);
  const rev = item.workingRevision;
  const content = contentOf(rev);
  const [categories, items] = await Promise.all([categoryOptions(), publishedItemOptions(user, id)]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">编辑：{rev.title}</h1>
      <p className="mb-4">
        索引号 {item.indexNumber}。保存后生成新版本{item.state === "PUBLISHED" ? "；已公开的版本在新版本签发发布前保持公开" : ""}
        ；已有的审查和签发意见将失效，须重新提交审查。
      </p>
      <DisclosureItemForm
        action={editItemAction}
        submitLabel="保存修改"
        defaults={content}
        categories={categories}
        items={items}
        interpretsItemId={content.interpretsItemId ?? null}
        hidden={{ itemId: id, baseRevisionId: rev.id, version: String(item.version) }}
        existingAttachments={rev.attachments.map((a) => ({
          id: a.attachment.id,
          fileName: a.attachment.fileName,
          size: a.attachment.size,
        }))}
        maxMb={env().UPLOAD_MAX_MB}
      />
    </>
  );
}
