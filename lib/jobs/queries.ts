// What /admin/jobs shows. graphile-worker keeps only jobs still to do and jobs that used up
// their attempts (a succeeded job is deleted), so "done" comes from the JobRun log.

import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { JobState } from "./labels";

export type QueueJob = {
  id: string;
  task: string;
  payload: unknown;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  lockedAt: Date | null;
  key: string | null;
};

/** A job's state from its row: locked → running; attempts used up → failed; … */
export function jobState(j: Pick<QueueJob, "attempts" | "maxAttempts" | "lockedAt">): JobState {
  if (j.lockedAt) return "RUNNING";
  if (j.attempts >= j.maxAttempts) return "FAILED";
  if (j.attempts > 0) return "RETRYING";
  return "QUEUED";
}

type Client = Pick<Tx, "$queryRaw">;

/** The queue, newest first. */
export async function listQueueJobs(limit = 200, client: Client = db()): Promise<QueueJob[]> {
  return client.$queryRaw<QueueJob[]>`
    SELECT j.id::text AS id, t.identifier AS task, j.payload, j.run_at AS "runAt", j.attempts::int AS attempts,
           j.max_attempts::int AS "maxAttempts", j.last_error AS "lastError", j.created_at AS "createdAt",
           j.locked_at AS "lockedAt", j.key
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    ORDER BY j.id DESC
    LIMIT ${limit}`;
}

/** One job, locked for a change (a retry); null when it is gone (done or never existed). */
export async function lockQueueJob(tx: Client, id: string): Promise<QueueJob | null> {
  const rows = await tx.$queryRaw<QueueJob[]>`
    SELECT j.id::text AS id, t.identifier AS task, j.payload, j.run_at AS "runAt", j.attempts::int AS attempts,
           j.max_attempts::int AS "maxAttempts", j.last_error AS "lastError", j.created_at AS "createdAt",
           j.locked_at AS "lockedAt", j.key
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.id = ${BigInt(id)}
    FOR UPDATE OF j`;
  return rows[0] ?? null;
}

export async function listJobRuns(outcome: "SUCCEEDED" | "FAILED", take = 50) {
  return db().jobRun.findMany({ where: { outcome }, orderBy: { id: "desc" }, take });
}
