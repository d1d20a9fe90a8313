// Upload size limits for the item forms (create / edit with attachments).
//
// UPLOAD_MAX_MB caps each file (lib/disclosure/attachments.ts). One form submission may
// carry several files, so the per-request cap (server actions' bodySizeLimit, and the
// proxy's body-clone cap) is set to three maximum-size files plus 5 MB for the text
// fields and multipart overhead: enough for the usual "正文 PDF + 附表 + 图片" set
// while bounding the memory one request can take (Next buffers an action's body).
// next.config.ts repeats this formula (it cannot import app code reliably); a unit test
// keeps the two equal.

export const FILES_PER_REQUEST = 3;
export const FORM_OVERHEAD_MB = 5;

/** Per-request body limit in MB for a given per-file UPLOAD_MAX_MB. */
export function uploadRequestLimitMb(uploadMaxMb: number): number {
  return uploadMaxMb * FILES_PER_REQUEST + FORM_OVERHEAD_MB;
}

/**
 * The Chinese message for a selection the server would refuse or cut off, or null.
 * Checked in the browser before submitting, because an over-limit body never reaches
 * the action (Next rejects it before our code runs) and the clerk would see no message.
 */
export function uploadSelectionProblem(files: readonly { name: string; size: number }[], uploadMaxMb: number): string | null {
  const MB = 1024 * 1024;
  const tooBig = files.find((f) => f.size > uploadMaxMb * MB);
  if (tooBig) return `文件“${tooBig.name}”超过${uploadMaxMb}MB，无法上传，请压缩或拆分后再选择`;
  const total = files.reduce((s, f) => s + f.size, 0);
  const limit = uploadRequestLimitMb(uploadMaxMb) - FORM_OVERHEAD_MB;
  if (total > limit * MB) {
    return `所选附件合计${Math.ceil(total / MB)}MB，一次最多上传${limit}MB，请分几次保存（保存后再编辑追加附件）`;
  }
  return null;
}
