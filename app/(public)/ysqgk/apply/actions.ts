"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/verbs/form-action";
import { CASE_COOKIE, caseCookieOptions, createCaseToken } from "@/lib/requests/public-session";
import { submitApplicationOnline } from "@/lib/requests/public-submit";
import {
  createQueryCodeFlash,
  QUERY_CODE_FLASH_COOKIE,
  queryCodeFlashCookieOptions,
  SUBMITTED_PAGE_PATH,
} from "@/lib/requests/query-code-flash";

/**
 * The public application form's server action (works without JavaScript). The verb
 * validates with the one application schema; on success the browser that submitted
 * gets the case cookie and, for a short while, the query code in a flash cookie, and
 * is sent to the page that shows both once (POST-redirect-GET: no resubmission on reload).
 */
export const submitApplicationAction = formAction(z.record(z.string(), z.unknown()), async (input, ctx) => {
  const created = await submitApplicationOnline(input, { ip: ctx.ip });
  const jar = await cookies();
  jar.set(CASE_COOKIE, createCaseToken(created.id), caseCookieOptions);
  jar.set(
    QUERY_CODE_FLASH_COOKIE,
    createQueryCodeFlash(created.id, created.queryCode),
    queryCodeFlashCookieOptions(created.id, SUBMITTED_PAGE_PATH),
  );
  redirect(SUBMITTED_PAGE_PATH);
});
