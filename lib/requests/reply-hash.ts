/**
 * The content hash a director's signature is bound to, over the canonical JSON of
 * lib/law/canonical-json.ts (one canonical form for every signature in the portal). Its
 * own module so that both the verbs (reply.ts) and the letter (reply-letter.ts) use it
 * without importing each other. The empty domain keeps the hashes of replies signed
 * before the shared module existed valid.
 */
import { canonicalHash } from "@/lib/law/canonical-json";

export function replyContentHash(decision: unknown, remarks: string): string {
  return canonicalHash("", { decision, remarks });
}
