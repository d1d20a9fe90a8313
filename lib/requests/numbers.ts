/** Sequences and the applicant's query code (查询码). */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Tx } from "@/lib/db/client";

/** Atomically increments a named counter inside the caller's transaction. */
export async function nextCounter(tx: Tx, key: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ last: number | bigint }>>`
    INSERT INTO "RequestCounter" ("key", "last") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "last" = "RequestCounter"."last" + 1
    RETURNING "last"`;
  const row = rows[0];
  if (!row) throw new Error("nextCounter: the counter row was not returned");
  return Number(row.last);
}

/** 申请编号: YSQ-2026-000123. */
export async function nextApplicationNumber(tx: Tx, year: number): Promise<string> {
  const n = await nextCounter(tx, `YSQ-${year}`);
  return `YSQ-${year}-${String(n).padStart(6, "0")}`;
}

/** No 0/O, 1/I/L: read out over the phone without confusion. */
const QUERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const QUERY_CODE_LENGTH = 10;

export function generateQueryCode(): string {
  let s = "";
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) s += QUERY_ALPHABET.charAt(randomInt(QUERY_ALPHABET.length));
  return s;
}

export function normalizeQueryCode(code: string): string {
  return code
    .normalize("NFKC")
    .replace(/[\s-]+/g, "")
    .toUpperCase();
}

/**
 * sha256 over number + code: the code is random (~49 bits), so a slow hash adds
 * little; salting with the application number stops one table serving all rows.
 * Lookups must still be rate-limited (4c's tracking page).
 */
export function hashQueryCode(applicationNumber: string, code: string): string {
  return createHash("sha256")
    .update(`${applicationNumber}:${normalizeQueryCode(code)}`)
    .digest("hex");
}

export function verifyQueryCode(applicationNumber: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashQueryCode(applicationNumber, code), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
