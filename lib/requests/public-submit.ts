/**
 * An online application from the public form or the JSON API: validated with the one
 * application schema (Chinese field errors), the per-IP rate limit applied (a hit keeps
 * its own audit action, request.public-submit-limited), then stored by the public verb
 * `createApplication` (待确认, tracking number, hashed query code) which queues the
 * applicant's mail in the same transaction (the outbox).
 */
import { db } from "@/lib/db/client";
import { createApplication, parseApplication } from "./create-application";
import { assertSubmitAllowed } from "./rate-limit";

export type SubmittedApplication = {
  id: string;
  trackingNo: string;
  /** Shown to the applicant once; only its hash is stored. */
  queryCode: string;
  submittedAt: Date;
  emailed: boolean;
  departmentName: string;
};

export async function submitApplicationOnline(raw: unknown, opts: { ip: string; now?: Date }): Promise<SubmittedApplication> {
  const now = opts.now ?? new Date();
  const input = parseApplication(raw, { now, channel: "ONLINE" });
  await assertSubmitAllowed(opts.ip, now);
  const created = await createApplication(input, { ip: opts.ip, now, notify: true });
  const dept = await db().department.findUnique({ where: { id: input.targetDepartmentId }, select: { name: true } });
  return {
    id: created.id,
    trackingNo: created.number,
    queryCode: created.queryCode,
    submittedAt: created.submittedAt,
    emailed: input.email !== "",
    departmentName: dept?.name ?? "",
  };
}
