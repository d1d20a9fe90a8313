// The job runner: graphile-worker inside the portal's server process (started from
// instrumentation.ts), on the portal's own PostgreSQL. Jobs are rows in graphile_worker's
// tables, added in the transaction that causes them (lib/jobs/enqueue.ts, the outbox); the
// runner is woken by LISTEN/NOTIFY when one commits, retries failures with exponential
// backoff and parks a job that used up its attempts with its last error (/admin/jobs).
//
// Scheduled work is graphile-worker cron: each tick is recorded in its `known_crontabs`
// table and the job for a tick is added under a lock, so with several portal processes
// (several servers behind a load balancer) each scheduled run happens once, not once per
// process. The handlers are also safe to run concurrently (rows are claimed with
// FOR UPDATE SKIP LOCKED), so a job run by hand beside the cron one does no harm.
//
// DISCLOSURE_SCHEDULER=off or JOBS=off: no runner in this process (lib/jobs/enabled.ts).

import { parseCronItems, run, runOnce, type ParsedCronItem, type Runner } from "graphile-worker";
import { env } from "@/lib/env";
import { DEFAULT_MAX_ATTEMPTS } from "./enqueue";
import { taskList } from "./handlers";
import { jobLogger } from "./logger";
import type { JobName } from "./tasks";

type CronSpec = { task: JobName; match: string; maxAttempts: number };

/** Scheduled work. A tick whose job is still waiting (a retry) replaces it: the job key. */
export const CRON: readonly CronSpec[] = [
  // 定时发布: an item scheduled for 09:00 is published within the minute.
  { task: "disclosure.publish-due", match: "* * * * *", maxAttempts: 3 },
  // 收费项目有效性: a cancellation or end date passing needs no edit to take effect.
  { task: "structured.fee-validity", match: "*/5 * * * *", maxAttempts: 3 },
  // 附件全文: text of newly attached PDF/DOCX files for search.
  { task: "search.extract-attachments", match: "* * * * *", maxAttempts: 3 },
  { task: "jobs.prune-runs", match: "17 3 * * *", maxAttempts: DEFAULT_MAX_ATTEMPTS },
];

export function cronItems(): ParsedCronItem[] {
  return parseCronItems(
    CRON.map((c) => ({
      task: c.task,
      match: c.match,
      // graphile's crontab text format does not allow "." in task names; the item form does.
      identifier: c.task.replace(/[^a-zA-Z0-9_-]/g, "_"),
      options: { backfillPeriod: 0, maxAttempts: c.maxAttempts, jobKey: `cron:${c.task}`, jobKeyMode: "replace" as const },
    })),
  );
}

const g = globalThis as unknown as { __jobRunner?: Promise<Runner> };

/** Starts the runner once per process (a dev-mode reload does not start a second one). */
export function startJobRunner(opts: { connectionString?: string; concurrency?: number } = {}): Promise<Runner> {
  g.__jobRunner ??= run({
    connectionString: opts.connectionString ?? env().DATABASE_URL,
    concurrency: opts.concurrency ?? 2,
    // Wake-ups come by NOTIFY; polling only finds retries and jobs whose time has come.
    pollInterval: 2_000,
    taskList: taskList(),
    parsedCronItems: cronItems(),
    logger: jobLogger,
    // The server process (scripts/server.ts) handles its own signals; see releaseOnSignal.
    noHandleSignals: true,
  }).catch((e: unknown) => {
    g.__jobRunner = undefined;
    throw e;
  });
  releaseOnSignal();
  return g.__jobRunner;
}

let signalsHooked = false;

/**
 * On SIGINT/SIGTERM the server closes within seconds. A job still locked by this process
 * would wait hours before another worker takes it over, so running jobs get a moment to
 * finish and are then failed on purpose (released, retried soon by any process).
 */
function releaseOnSignal(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      const pending = g.__jobRunner;
      g.__jobRunner = undefined;
      void (async () => {
        if (pending) {
          const runner = await pending.catch(() => null);
          if (runner) {
            const force = setTimeout(() => {
              void runner.kill("进程退出").catch(() => undefined);
            }, 1_500);
            force.unref();
            await runner.stop("进程退出").catch(() => undefined);
            clearTimeout(force);
          }
        }
        // Nobody else handles the signal (no server.ts around): do what Node would have done.
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      })();
    });
  }
}

export async function stopJobRunner(): Promise<void> {
  const r = g.__jobRunner;
  g.__jobRunner = undefined;
  if (r) await (await r).stop();
}

/** Runs every job that is due now, then returns (tests, scripts). No cron. */
export async function runDueJobs(opts: { connectionString?: string; handlers?: Parameters<typeof taskList>[0] } = {}): Promise<void> {
  await runOnce({
    connectionString: opts.connectionString ?? env().DATABASE_URL,
    taskList: taskList(opts.handlers),
    logger: jobLogger,
    noHandleSignals: true,
  });
}
