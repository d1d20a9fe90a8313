/** A stored file as a download response (RFC 6266 filename* for Chinese names). */
export function pdfResponse(file: { fileName: string; mimeType: string; content: Uint8Array }): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.content.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
