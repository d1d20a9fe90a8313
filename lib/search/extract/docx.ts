// DOCX → plain text with mammoth. Runs in the background runner only.
import mammoth from "mammoth";

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return r.value;
}
