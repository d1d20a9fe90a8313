"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/verbs/form-action";
import { ForbiddenError } from "@/lib/errors";
import { openCaseWithCode } from "@/lib/requests/public-access";
import { correctionTextSchema, submitCorrectionOnline } from "@/lib/requests/public-correction";
import { CASE_COOKIE, caseCookieOptions, createCaseToken, verifyCaseToken } from "@/lib/requests/public-session";

const required = (message: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 100) : ""), z.string().min(1, { error: message }));

const trackForm = z.object({ trackingNo: required("请填写申请编号"), queryCode: required("请填写查询码") });

/** Tracking number + query code → the case cookie, then the status page (POST-redirect-GET). */
export const trackAction = formAction(trackForm, async (input, ctx) => {
  const id = await openCaseWithCode(input.trackingNo, input.queryCode, ctx.ip);
  (await cookies()).set(CASE_COOKIE, createCaseToken(id), caseCookieOptions);
  redirect("/ysqgk/track");
});

/** The applicant's answer to a 补正 notice; needs the case cookie. */
export const correctionAction = formAction(z.object({ correction: correctionTextSchema }), async (input, ctx) => {
  const id = verifyCaseToken((await cookies()).get(CASE_COOKIE)?.value);
  if (!id) throw new ForbiddenError("查询已超时，请重新输入申请编号和查询码后再提交补正。");
  await submitCorrectionOnline(id, input.correction, { ip: ctx.ip });
  redirect("/ysqgk/track?corrected=1");
});

/** Ends the tracking session on this browser (shared computers). */
export async function endTrackingAction(): Promise<void> {
  (await cookies()).delete({ name: CASE_COOKIE, path: "/" });
  redirect("/ysqgk/track");
}
