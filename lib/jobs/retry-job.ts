// 重试: a job that used up its attempts is given a fresh set and run again now. Only a
// failed job (the policy); the job row is locked so a concurrent retry or a worker cannot
// interleave. A failed mail goes back to QUEUED with it, so /admin/mail tells the truth.

import { z } from "zod";
import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { jobPolicy } from "./policy";
import { lockQueueJob } from "./queries";

export const retryJobSchema = z.object({
  jobId: z.string({ error: "缺少任务编号" }).regex(/^\d{1,18}$/, "任务编号不正确"),
});

export const retryJob = defineVerb({
  action: "jobs.retry",
  entityType: "Job",
  permission: "jobs:manage",
  input: retryJobSchema,
  entityId: (i) => i.jobId,
  notFoundMessage: "任务不存在（可能已经完成）",
  load: ({ tx, input }) => lockQueueJob(tx, input.jobId),
  decide: ({ loaded }) => {
    requireAllowed(jobPolicy(loaded), "retry");
  },
  apply: async ({ tx, loaded }) => {
    await tx.$queryRaw`SELECT id FROM graphile_worker.reschedule_jobs(ARRAY[${BigInt(loaded.id)}]::bigint[], run_at => now(), attempts => 0)`;
    const mailId = loaded.task === "mail.send" ? z.object({ mailId: z.string() }).safeParse(loaded.payload).data?.mailId : undefined;
    if (mailId) {
      await tx.outboundMail.updateMany({ where: { id: mailId, status: "FAILED" }, data: { status: "QUEUED" } });
    }
    return { task: loaded.task };
  },
  audit: ({ loaded }) => ({
    detail: `重新执行任务 ${loaded.task}（此前已失败 ${loaded.attempts} 次：${(loaded.lastError ?? "").slice(0, 200)}）`,
    before: { attempts: loaded.attempts, maxAttempts: loaded.maxAttempts, lastError: loaded.lastError },
    after: { attempts: 0 },
  }),
});
