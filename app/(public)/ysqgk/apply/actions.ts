"use server";

import { cookies } from "next/headers";
import { formToObject } from "@/lib/auth/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db/client";
import { publicMessage } from "@/lib/errors";
import type { ApplyFormState } from "@/lib/requests/public-form-state";
import { CASE_COOKIE, caseCookieOptions, createCaseToken } from "@/lib/requests/public-session";
import { submitApplicationOnline } from "@/lib/requests/public-submit";
import { RateLimitedError } from "@/lib/requests/rate-limit";

/** The public application form's server action (works without JavaScript). */
export async function submitApplicationAction(_prev: ApplyFormState, fd: FormData): Promise<ApplyFormState> {
  const raw = formToObject(fd);
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 4000));
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  try {
    const { ip } = await requestMeta();
    const created = await submitApplicationOnline(raw, { ip });
    const dept = await db().disclosureApplication.findUnique({ where: { id: created.id }, select: { targetDepartmentId: true } });
    const deptName = dept ? ((await db().department.findUnique({ where: { id: dept.targetDepartmentId }, select: { name: true } }))?.name ?? "") : "";
    // The browser that submitted may open the receipt and the tracking page for a while without the code.
    (await cookies()).set(CASE_COOKIE, createCaseToken(created.id), caseCookieOptions);
    return {
      ok: true,
      trackingNo: created.trackingNo,
      queryCode: created.queryCode,
      submittedAt: created.submittedAt.toISOString(),
      departmentName: deptName,
      emailed: created.emailed,
    };
  } catch (e) {
    if (e instanceof RateLimitedError) return { ok: false, message: e.message, values };
    const pm = publicMessage(e);
    return {
      ok: false,
      message: pm.fieldErrors ? "提交的内容有误，请按提示修改" : pm.message,
      fieldErrors: pm.fieldErrors,
      values,
    };
  }
}
