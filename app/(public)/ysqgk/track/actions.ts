"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requestMeta } from "@/lib/auth/request-meta";
import { publicMessage } from "@/lib/errors";
import { openCaseWithCode } from "@/lib/requests/public-access";
import { submitCorrectionOnline } from "@/lib/requests/public-correction";
import type { SimpleFormState } from "@/lib/requests/public-form-state";
import { CASE_COOKIE, caseCookieOptions, createCaseToken, verifyCaseToken } from "@/lib/requests/public-session";
import { RateLimitedError } from "@/lib/requests/rate-limit";

const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v.slice(0, 100) : "";
};

/** Tracking number + query code → the case cookie, then the status page (POST-redirect-GET). */
export async function trackAction(_prev: SimpleFormState, fd: FormData): Promise<SimpleFormState> {
  const trackingNo = str(fd, "trackingNo").trim();
  const queryCode = str(fd, "queryCode").trim();
  const fieldErrors: Record<string, string[]> = {};
  if (!trackingNo) fieldErrors.trackingNo = ["请填写申请编号"];
  if (!queryCode) fieldErrors.queryCode = ["请填写查询码"];
  if (Object.keys(fieldErrors).length) return { ok: false, message: "请填写申请编号和查询码", fieldErrors, values: { trackingNo } };
  let id: string;
  try {
    const { ip } = await requestMeta();
    id = await openCaseWithCode(trackingNo, queryCode, ip);
  } catch (e) {
    if (e instanceof RateLimitedError) return { ok: false, message: e.message, values: { trackingNo } };
    return { ok: false, message: publicMessage(e).message, values: { trackingNo } };
  }
  (await cookies()).set(CASE_COOKIE, createCaseToken(id), caseCookieOptions);
  redirect("/ysqgk/track");
}

/** The applicant's answer to a 补正 notice; needs the case cookie. */
export async function correctionAction(_prev: SimpleFormState, fd: FormData): Promise<SimpleFormState> {
  const id = verifyCaseToken((await cookies()).get(CASE_COOKIE)?.value);
  const text = typeof fd.get("correction") === "string" ? String(fd.get("correction")).slice(0, 5000) : "";
  if (!id) return { ok: false, message: "查询已超时，请重新输入申请编号和查询码后再提交补正。", values: { correction: text } };
  try {
    const { ip } = await requestMeta();
    await submitCorrectionOnline(id, text, { ip });
  } catch (e) {
    const pm = publicMessage(e);
    return { ok: false, message: pm.fieldErrors ? "请填写补正内容" : pm.message, fieldErrors: pm.fieldErrors, values: { correction: text } };
  }
  redirect("/ysqgk/track?corrected=1");
}

/** Ends the tracking session on this browser (shared computers). */
export async function endTrackingAction(): Promise<void> {
  (await cookies()).delete({ name: CASE_COOKIE, path: "/" });
  redirect("/ysqgk/track");
}
