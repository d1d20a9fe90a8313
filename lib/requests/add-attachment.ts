/**
 * Attach a scanned paper application, envelope (postmark) or proof of
 * identity to a case. Stored in the database (small files, kept with the case).
 */
import { pdfActiveContent } from "@/lib/uploads/active-content";
import { ValidationError } from "@/lib/errors";
import { caseVerb } from "./case-verb";
import { sha256Hex } from "./numbers";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: Record<string, string> = {
  "application/pdf": "%PDF",
  "image/jpeg": "\xff\xd8\xff",
  "image/png": "\x89PNG",
};

type AttachmentInput = { id: string; fileName: string; mimeType: string; content: Uint8Array; description?: string };

export const addAttachment = caseVerb<AttachmentInput, { attachmentId: string }>({
  action: "request.attachment",
  policy: "attach",
  validate: (input) => {
    const content = Buffer.from(input.content);
    const fileName = input.fileName.trim().slice(0, 200);
    const magic = ATTACHMENT_TYPES[input.mimeType];
    if (content.length === 0 || !fileName) throw new ValidationError({ file: ["请选择要上传的扫描件"] });
    if (content.length > MAX_ATTACHMENT_BYTES) throw new ValidationError({ file: ["文件不能超过10MB"] });
    if (!magic || content.subarray(0, magic.length).toString("latin1") !== magic) {
      throw new ValidationError({ file: ["只能上传PDF、JPEG或PNG格式的扫描件"] });
    }
    // A PDF with scripts or launch actions is refused here as for publication (lib/uploads).
    if (input.mimeType === "application/pdf" && pdfActiveContent(content)) {
      throw new ValidationError({ file: ["该 PDF 文件含有脚本或启动动作，不允许上传"] });
    }
    return { ...input, fileName, content, description: (input.description ?? "").trim().slice(0, 200) };
  },
  run: async (c) => {
    const { fileName, description = "" } = c.input;
    const content = Buffer.from(c.input.content);
    const row = await c.tx.applicationAttachment.create({
      data: {
        applicationId: c.app.id,
        fileName,
        mimeType: c.input.mimeType,
        size: content.length,
        sha256: sha256Hex(content),
        content: new Uint8Array(content),
        description,
        uploadedById: c.actor.id,
        uploadedByName: c.actor.displayName,
      },
      select: { id: true },
    });
    return {
      event: "ATTACHMENT",
      note: `${fileName}${description ? `（${description}）` : ""}`,
      payload: { attachmentId: row.id, size: content.length },
      result: { attachmentId: row.id },
    };
  },
});
