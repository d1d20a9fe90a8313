// The log of job attempts (JobRun). graphile-worker deletes a job once it succeeds and
// keeps a failed one only with its last error; this log is what lets /admin/jobs say what
// was done, and what each failed attempt said. Written outside the job's own work: a log
// write that fails never turns a done job into a failed one.

import { db } from "@/lib/db/client";

/** How long the attempt log is kept (pruned daily by the `jobs.prune-runs` task). */
export const JOB_RUN_RETENTION_DAYS = 30;

export type JobAttempt = {
  jobId: string;
  task: string;
  attempt: number;
  maxAttempts: number;
  startedAt: Date;
};

export async function recordJobRun(a: JobAttempt, outcome: "SUCCEEDED" | "FAILED", note = ""): Promise<void> {
  try {
    await db().jobRun.create({
      data: { ...a, outcome, note: note.slice(0, 2000) },
    });
  } catch (e) {
    console.warn(`[后台任务] 无法记录任务 ${a.jobId}（${a.task}）的执行结果：${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function pruneJobRuns(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 24 * 3600 * 1000);
  const r = await db().jobRun.deleteMany({ where: { finishedAt: { lt: before } } });
  return r.count;
}
