/**
 * The content hash a director's signature is bound to. Its own module so that
 * both the verbs (reply.ts) and the letter (reply-letter.ts) use it without
 * importing each other.
 */
import { sha256Hex } from "./numbers";

/** JSON with sorted keys, so equal content always hashes equally. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function replyContentHash(decision: unknown, remarks: string): string {
  return sha256Hex(canonicalJson({ decision, remarks }));
}
