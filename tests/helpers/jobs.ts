import { db } from "@/lib/db/client";
import type { JobName } from "@/lib/jobs/tasks";
import { syncFeeValidity } from "@/lib/structured/validity";

/** Queued jobs of a task (graphile-worker's queue), oldest first. */
export async function queuedJobs(task: JobName): Promise<Array<{ id: string; key: string | null }>> {
  return db().$queryRaw<Array<{ id: string; key: string | null }>>`
    SELECT id::text AS id, key FROM graphile_worker.jobs WHERE task_identifier = ${task} ORDER BY id`;
}

/**
 * Runs the `structured.fee-validity` job a publication or withdrawal enqueued, as the job
 * runner would after the commit: fails when none is queued (the verb must have enqueued it),
 * then removes it from the queue so the next call sees only new ones.
 */
export async function runQueuedFeeValidityJob(): Promise<string[]> {
  const jobs = await queuedJobs("structured.fee-validity");
  if (jobs.length === 0) throw new Error("no structured.fee-validity job was enqueued");
  await db().$executeRaw`SELECT graphile_worker.complete_jobs(${jobs.map((j) => j.id)}::bigint[])`;
  return syncFeeValidity();
}
