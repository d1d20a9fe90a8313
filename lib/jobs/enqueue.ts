// The transactional outbox: a job is a row inserted with the transaction that causes it, so
// it exists exactly when the change it follows has committed, and the job runner
// (graphile-worker on the same PostgreSQL, see lib/jobs/runner.ts) runs it after commit with
// retries and backoff. Nothing is sent from inside a transaction; nothing is lost in a crash.

import type { Tx } from "@/lib/db/client";
import type { JobName, JobPayloads } from "./tasks";

export type JobRequest = {
  [N in JobName]: {
    task: N;
    payload: JobPayloads[N];
    /** Not before this time (default: now). */
    runAt?: Date;
    /** At most one queued job per key: a newer request replaces the waiting one. */
    jobKey?: string;
    /** Attempts before the job is parked as failed (default 8, backoff grows exponentially). */
    maxAttempts?: number;
  };
}[JobName];

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Inserts the job in the caller's transaction (graphile_worker.add_job). */
export async function enqueueJob(tx: Pick<Tx, "$executeRaw">, job: JobRequest): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${job.task}::text,
    ${JSON.stringify(job.payload)}::json,
    run_at => ${job.runAt ?? null}::timestamptz,
    job_key => ${job.jobKey ?? null}::text,
    max_attempts => ${job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}::int
  )`;
}
