/**
 * The applicant's way into their case without an account: tracking number
 * (申请编号) + query code (查询码). An unknown number and a wrong code get the
 * same error (nothing is revealed about which numbers exist), both count as a
 * failure for the DB-backed rate limit (lib/requests/rate-limit.ts), and the
 * check is made before the code is compared.
 */
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { hashQueryCode, normalizeQueryCode, verifyQueryCode } from "./numbers";
import { assertTrackAllowed, recordTrackFailure, trackingKey } from "./rate-limit";

export const CASE_NOT_FOUND_MESSAGE = "申请编号或查询码不正确，请核对后重试。";

/** Unknown number OR wrong code (HTTP 404, one message for both). */
export class CaseAccessDeniedError extends DomainError {
  constructor() {
    super(CASE_NOT_FOUND_MESSAGE, 404, "NOT_FOUND");
  }
}

/**
 * The application id for a tracking number + query code, or throws
 * CaseAccessDeniedError / RateLimitedError. `ip` is the caller's address.
 */
export async function openCaseWithCode(trackingNo: unknown, queryCode: unknown, ip: string, now = new Date()): Promise<string> {
  const number = typeof trackingNo === "string" ? trackingKey(trackingNo) : "";
  const code = typeof queryCode === "string" ? normalizeQueryCode(queryCode).slice(0, 40) : "";
  await assertTrackAllowed(ip, number, now);
  const app =
    number && /^[A-Z0-9-]{3,40}$/.test(number)
      ? await db().disclosureApplication.findUnique({ where: { number }, select: { id: true, number: true, queryCodeHash: true } })
      : null;
  // Hash even for an unknown number, so both failures take about as long.
  const ok = app ? code !== "" && verifyQueryCode(app.number, code, app.queryCodeHash) : (hashQueryCode("-", code), false);
  if (!app || !ok) {
    await recordTrackFailure(ip, number);
    throw new CaseAccessDeniedError();
  }
  return app.id;
}
