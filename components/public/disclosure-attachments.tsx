import type { PublicAttachment } from "@/lib/disclosure/public-queries";
import { attachmentPath } from "@/lib/disclosure/public-params";
import { attachmentKindLabel, formatFileSize } from "@/lib/disclosure/public-format";

/** The attachments of the published revision, each with type, size and a download link. */
export function DisclosureAttachments({ itemId, attachments }: { itemId: string; attachments: readonly PublicAttachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title" className="mt-8 rounded-md border border-line bg-surface p-4">
      <h2 id="attachments-title" className="mb-3 text-lg font-bold">
        附件
      </h2>
      <ol className="space-y-2">
        {attachments.map((a, i) => (
          <li key={a.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-muted">{i + 1}.</span>
            <a href={attachmentPath(itemId, a.id)} download className="text-link underline underline-offset-4">
              {a.fileName}
            </a>
            <span className="text-sm text-muted">
              （{attachmentKindLabel(a.kind)}，{formatFileSize(a.size)}）
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
