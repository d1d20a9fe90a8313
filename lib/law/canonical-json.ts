// Canonical JSON and the content hashes built on it. A signature (a leader's sign-off of a
// revision, a director's signature of a reply) is bound to the hash of what was signed, so
// equal content must always give equal text whatever order its keys were built in.

import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and no insignificant whitespace. Values JSON
 * cannot represent faithfully (undefined in arrays, NaN, Dates, Maps, class instances)
 * throw instead of being silently coerced; an undefined object property means "absent".
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((v: unknown, i) => {
        if (v === undefined) throw new TypeError(`canonicalJson: undefined at array index ${i}`);
        return canonicalJson(v);
      })
      .join(",")}]`;
  }
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? "unknown";
      throw new TypeError(`canonicalJson: only plain objects are allowed, got ${name}`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: unsupported type ${typeof value}`);
}

/** sha256 (hex) of a string. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * sha256 (hex) over `domain` followed by the canonical JSON of `value`. The domain (e.g.
 * "gov-disclosure/revision/v1\n") separates kinds of hashes: a hash of some other JSON can
 * never collide with it, and changing what is hashed can bump the version deliberately.
 * An empty domain hashes the canonical JSON alone.
 */
export function canonicalHash(domain: string, value: unknown): string {
  return sha256Hex(domain + canonicalJson(value));
}
