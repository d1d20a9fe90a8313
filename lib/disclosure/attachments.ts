// Attachment intake: the type is decided from the bytes (detectAttachmentType), the size
// against UPLOAD_MAX_MB, and every file of a save is checked before any is written — a
// rejected upload stores nothing. Files go to UPLOAD_DIR under a random name; sha256 is kept.

import { assertUploadsClean } from "@/lib/uploads/virus-scan";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { detectAttachmentType, type AttachmentKind } from "./rules/attachment-type";

export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface CheckedFile {
  fileName: string;
  bytes: Uint8Array;
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
}

export interface StoredFile extends CheckedFile {
  storageName: string;
}

export const MAX_ATTACHMENTS_PER_ITEM = 20;

export function uploadDir(): string {
  // Runtime data, not source: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().UPLOAD_DIR);
}

export function maxAttachmentBytes(): number {
  return env().UPLOAD_MAX_MB * 1024 * 1024;
}

/** Browser File objects (from FormData) → bytes; empty file inputs are skipped. */
export async function filesFromForm(values: unknown[]): Promise<IncomingFile[]> {
  const out: IncomingFile[] = [];
  for (const v of values) {
    if (typeof v === "object" && v !== null && "arrayBuffer" in v && "name" in v) {
      const f = v as File;
      if (f.size === 0 && !f.name) continue;
      out.push({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    }
  }
  return out;
}

/** Checks every file; throws ValidationError on the field "attachments" naming each bad file. */
export function checkFiles(files: IncomingFile[], field = "attachments"): CheckedFile[] {
  const errors: string[] = [];
  const checked: CheckedFile[] = [];
  const maxBytes = maxAttachmentBytes();
  for (const f of files) {
    const r = detectAttachmentType({ fileName: f.fileName, bytes: f.bytes, maxBytes });
    if (!r.ok) {
      errors.push(`“${f.fileName || "（无文件名）"}”：${r.message}`);
      continue;
    }
    checked.push({
      fileName: f.fileName.trim(),
      bytes: f.bytes,
      kind: r.kind,
      mime: r.mime,
      size: f.bytes.length,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
    });
  }
  if (errors.length > 0) throw new ValidationError({ [field]: errors }, `附件未通过检查，未保存任何内容：${errors.join("；")}`);
  return checked;
}

/** Writes checked files under random names. Call `discardStored` if the transaction fails. */
export async function storeFiles(files: CheckedFile[]): Promise<StoredFile[]> {
  if (files.length === 0) return [];
  // The optional ClamAV scan (CLAMAV_SOCKET): refuses infected files, and refuses all when the
  // configured scanner cannot be reached — nothing unscanned is stored.
  await assertUploadsClean(files);
  const dir = uploadDir();
  await mkdir(dir, { recursive: true });
  const stored: StoredFile[] = [];
  try {
    for (const f of files) {
      const storageName = `${randomBytes(16).toString("hex")}.${f.kind.toLowerCase()}`;
      await writeFile(path.join(dir, storageName), f.bytes, { flag: "wx" });
      stored.push({ ...f, storageName });
    }
  } catch (e) {
    await discardStored(stored);
    throw e;
  }
  return stored;
}

export async function discardStored(files: Array<{ storageName: string }>): Promise<void> {
  await Promise.all(files.map((f) => rm(path.join(uploadDir(), f.storageName), { force: true })));
}

export async function readStoredFile(storageName: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}\.[a-z]{3,4}$/.test(storageName)) throw new Error("bad storage name");
  return readFile(path.join(uploadDir(), storageName));
}
