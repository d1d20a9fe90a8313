/**
 * DB-backed rate limits for the public request endpoints (no captcha: a
 * captcha-free form is also the accessible one). Attempts are rows of the
 * append-only audit log, so the limits hold across server processes and
 * restarts, and every refused attempt is itself on record (等级保护).
 *
 *   - submissions: SUBMIT_LIMIT per IP in SUBMIT_WINDOW_MS;
 *   - wrong tracking number / query code: TRACK_FAILURES_PER_NUMBER per
 *     IP + number, and TRACK_FAILURES_PER_IP per IP across numbers (stops
 *     enumeration), each in TRACK_WINDOW_MS.
 */
import { DomainError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";

export const SUBMIT_LIMIT = 10;
export const SUBMIT_WINDOW_MS = 60 * 60 * 1000;
export const TRACK_FAILURES_PER_NUMBER = 5;
export const TRACK_FAILURES_PER_IP = 30;
export const TRACK_WINDOW_MS = 15 * 60 * 1000;

// Written by create-application.ts (4b) for every online submission, with the IP.
export const AUDIT_SUBMIT = "request.create";
export const AUDIT_SUBMIT_REFUSED = "request.public-submit-limited";
export const AUDIT_TRACK_FAILED = "request.public-track-failed";
export const AUDIT_TRACK_REFUSED = "request.public-track-limited";

type Client = Pick<Db | Tx, "auditLog">;

/** An expected refusal (HTTP 429): its Chinese message is shown as is by forms and the API. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    /** Seconds until the window frees up (for Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, "RATE_LIMITED");
  }
}

async function countSince(client: Client, where: { action: string; ip: string; entityId?: string }, windowMs: number, now: Date) {
  const since = new Date(now.getTime() - windowMs);
  const rows = await client.auditLog.findMany({
    where: { action: where.action, ip: where.ip, at: { gt: since }, ...(where.entityId !== undefined ? { entityId: where.entityId } : {}) },
    select: { at: true },
    orderBy: { at: "asc" },
    take: 200,
  });
  const oldest = rows[0]?.at;
  const retryAfterSeconds = oldest ? Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000)) : 0;
  return { count: rows.length, retryAfterSeconds };
}

/** Throws RateLimitedError when this IP has submitted too many applications lately (and records the refusal). */
export async function assertSubmitAllowed(ip: string, now = new Date(), client: Client = db()): Promise<void> {
  const { count, retryAfterSeconds } = await countSince(client, { action: AUDIT_SUBMIT, ip }, SUBMIT_WINDOW_MS, now);
  if (count >= SUBMIT_LIMIT) {
    await writeAudit(client, {
      action: AUDIT_SUBMIT_REFUSED,
      entityType: "DisclosureApplication",
      outcome: "REFUSED",
      ip,
      detail: `1小时内已提交${count}件`,
    });
    throw new RateLimitedError(
      `提交过于频繁：同一网络地址1小时内最多在线提交${SUBMIT_LIMIT}件申请，请稍后再试，或到受理机关当面提交、邮寄申请。`,
      retryAfterSeconds,
    );
  }
}

/** Normalised key for a tracking number typed by a person (case, spaces, full-width). */
export function trackingKey(trackingNo: string): string {
  return trackingNo.normalize("NFKC").replace(/\s+/g, "").toUpperCase().slice(0, 40);
}

/** Throws RateLimitedError when this IP has failed too often for this number, or overall. */
export async function assertTrackAllowed(ip: string, trackingNo: string, now = new Date(), client: Client = db()): Promise<void> {
  const key = trackingKey(trackingNo);
  const [perNumber, perIp] = await Promise.all([
    countSince(client, { action: AUDIT_TRACK_FAILED, ip, entityId: key }, TRACK_WINDOW_MS, now),
    countSince(client, { action: AUDIT_TRACK_FAILED, ip }, TRACK_WINDOW_MS, now),
  ]);
  const limited = perNumber.count >= TRACK_FAILURES_PER_NUMBER ? perNumber : perIp.count >= TRACK_FAILURES_PER_IP ? perIp : null;
  if (limited) {
    await writeAudit(client, { action: AUDIT_TRACK_REFUSED, entityType: "DisclosureApplication", entityId: key, outcome: "REFUSED", ip });
    const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60));
    throw new RateLimitedError(`查询失败次数过多，请${minutes}分钟后再试。如忘记查询码，请联系受理机关。`, limited.retryAfterSeconds);
  }
}

/** Records a failed lookup (unknown number or wrong code: the same record, nothing revealed). */
export async function recordTrackFailure(ip: string, trackingNo: string, client: Client = db()): Promise<void> {
  await writeAudit(client, {
    action: AUDIT_TRACK_FAILED,
    entityType: "DisclosureApplication",
    entityId: trackingKey(trackingNo),
    outcome: "REFUSED",
    ip,
  });
}
