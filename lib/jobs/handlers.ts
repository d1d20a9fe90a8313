// The task list: one handler for every name in lib/jobs/tasks.ts (the `satisfies` below
// makes a task without a handler a type error). Each handler is wrapped to log its attempt
// in JobRun; failures are rethrown so graphile-worker retries them with exponential backoff
// (exp(min(attempts, 10)) seconds) until `max_attempts`, then keeps the job with its last
// error for /admin/jobs — never lost, never retried forever.

import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { z } from "zod";
import { sendQueuedMail } from "@/lib/mail/send-mail-job";
import { renderReplyLetterJob } from "@/lib/requests/reply-letter";
import { runExtractionBatch } from "@/lib/search/extract";
import { syncFeeValidity } from "@/lib/structured/validity";
import { FEE_VALIDITY_JOB } from "@/lib/disclosure/workflow-verb";
import { DEFAULT_MAX_ATTEMPTS } from "./enqueue";
import { pruneJobRuns, recordJobRun } from "./job-runs";
import { publishDueItems } from "./publish-scheduled";
import type { JobName } from "./tasks";

/** What a handler reports: a line for the log, or `idle` when a scheduled run had nothing to do. */
export type JobOutcome = { note?: string; idle?: boolean };
type Handler = (payload: unknown, helpers: JobHelpers) => Promise<JobOutcome>;

const mailSendPayload = z.object({ mailId: z.string().min(1) });
const replyLetterPayload = z.object({ applicationId: z.string().min(1), replyId: z.string().min(1) });

/** Extraction is slow (a large PDF takes seconds): small batches, for at most this long per run. */
const EXTRACTION_BUDGET_MS = 40_000;

function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, task: JobName): T {
  const r = schema.safeParse(payload);
  if (!r.success) throw new Error(`任务 ${task} 的参数不正确：${r.error.issues.map((i) => i.path.join(".")).join("、")}`);
  return r.data;
}

export const HANDLERS = {
  "mail.send": async (payload, helpers) => {
    const { mailId } = parsePayload(mailSendPayload, payload, "mail.send");
    const r = await sendQueuedMail(mailId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
    return { note: r === "SENT" ? `邮件 ${mailId} 已发送` : r === "ALREADY_SENT" ? `邮件 ${mailId} 此前已发送` : `邮件 ${mailId} 不存在` };
  },

  "disclosure.publish-due": async (_payload, helpers) => {
    const r = await publishDueItems();
    for (const f of r.failed) console.warn(`[定时发布] 信息 ${f.itemId} 未能发布：${f.message}`);
    if (r.published.length > 0) {
      // A publication may change which fees are in force (收费项目有效性).
      await helpers.addJob(FEE_VALIDITY_JOB.task, FEE_VALIDITY_JOB.payload, {
        jobKey: FEE_VALIDITY_JOB.jobKey,
        maxAttempts: DEFAULT_MAX_ATTEMPTS,
      });
    }
    if (r.published.length === 0 && r.failed.length === 0) return { idle: true };
    return { note: `已发布 ${r.published.length} 条${r.failed.length ? `，${r.failed.length} 条未能发布并已退回` : ""}` };
  },

  "structured.fee-validity": async () => {
    const changed = await syncFeeValidity();
    return changed.length === 0 ? { idle: true } : { note: `已更新 ${changed.length} 个收费项目的有效性` };
  },

  "search.extract-attachments": async () => {
    const started = Date.now();
    let done = 0;
    let failed = 0;
    for (;;) {
      const x = await runExtractionBatch({ limit: 5 });
      done += x.done + x.unsupported;
      failed += x.failed;
      if (x.claimed === 0 || Date.now() - started > EXTRACTION_BUDGET_MS) break;
    }
    if (done === 0 && failed === 0) return { idle: true };
    // A file that fails is retried by the extractor's own attempt counter on later runs.
    return { note: `已提取 ${done} 个附件${failed ? `，${failed} 个失败待重试` : ""}` };
  },

  "request.render-reply-letter": async (payload) => {
    const p = parsePayload(replyLetterPayload, payload, "request.render-reply-letter");
    await renderReplyLetterJob(p);
    return { note: `已生成案件 ${p.applicationId} 的答复书` };
  },

  "jobs.prune-runs": async () => {
    const n = await pruneJobRuns();
    return { note: `已清理 ${n} 条过期的任务记录` };
  },
} satisfies Record<JobName, Handler>;

/** Logs each attempt in JobRun around the handler; the error goes on to graphile-worker. */
function logged(task: JobName, handler: Handler): Task {
  return async (payload, helpers) => {
    const attempt = {
      jobId: helpers.job.id,
      task,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
      startedAt: new Date(),
    };
    let outcome: JobOutcome;
    try {
      outcome = await handler(payload, helpers);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await recordJobRun(attempt, "FAILED", message);
      if (attempt.attempt >= attempt.maxAttempts) {
        console.error(
          `[后台任务] 任务 ${attempt.jobId}（${task}）已失败 ${attempt.attempt} 次，不再自动重试，请在“后台任务”页面处理：${message}`,
        );
      }
      throw e;
    }
    if (!outcome.idle) await recordJobRun(attempt, "SUCCEEDED", outcome.note ?? "");
  };
}

export function taskList(handlers: Record<JobName, Handler> = HANDLERS): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(handlers) as JobName[]) list[name] = logged(name, handlers[name]);
  return list;
}
