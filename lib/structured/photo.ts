// Leader photos: checked and resized with sharp before anything is stored. The stored file
// is a JPEG re-encoded from the pixels (metadata and anything else in the upload dropped),
// content-addressed by its sha256, which is also its id.

import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_WIDTH = 300;
export const PHOTO_HEIGHT = 400;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export type IncomingPhoto = { name: string; bytes: Buffer };
export type ProcessedPhoto = { id: string; bytes: Buffer; width: number; height: number; mime: "image/jpeg" };

const refuse = (message: string) => new ValidationError({ photo: [message] }, message);

/** Validates and resizes; throws ValidationError (field "photo") with a Chinese message. */
export async function processPhoto(p: IncomingPhoto): Promise<ProcessedPhoto> {
  if (p.bytes.length === 0) throw refuse("上传的照片文件为空");
  if (p.bytes.length > MAX_PHOTO_BYTES) throw refuse(`照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后重新上传`);
  let format: string | undefined;
  try {
    format = (await sharp(p.bytes, { failOn: "error" }).metadata()).format;
  } catch {
    throw refuse("上传的文件不是有效的图片，照片须为 JPG、PNG 或 WebP 格式");
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw refuse("照片须为 JPG、PNG 或 WebP 格式");
  let out: Buffer;
  try {
    out = await sharp(p.bytes, { failOn: "error", limitInputPixels: 40_000_000 })
      .rotate()
      .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { fit: "cover", position: "attention" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw refuse("照片无法处理，请换一张图片重新上传");
  }
  const id = createHash("sha256").update(out).digest("hex");
  return { id, bytes: out, width: PHOTO_WIDTH, height: PHOTO_HEIGHT, mime: "image/jpeg" };
}

/** Stores the processed photo in the caller's transaction (idempotent by content). */
export async function storePhoto(tx: Tx, p: ProcessedPhoto, userId: string): Promise<void> {
  await tx.structuredPhoto.upsert({
    where: { id: p.id },
    create: {
      id: p.id,
      sha256: p.id,
      mime: p.mime,
      width: p.width,
      height: p.height,
      bytes: new Uint8Array(p.bytes),
      uploadedById: userId,
    },
    update: {},
  });
}
