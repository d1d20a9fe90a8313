import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { HANDLERS } from "@/lib/jobs/handlers";
import { listQueueJobs, jobState } from "@/lib/jobs/queries";
import { retryJob } from "@/lib/jobs/retry-job";
import { CRON, cronItems, runDueJobs, startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { jobRunnerEnabled } from "@/lib/jobs/enabled";
import type { JobName } from "@/lib/jobs/tasks";
import { ForbiddenError, InvalidTransitionError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";
import { expectConsoleError } from "../setup/fail-on-console-error";

// The job runner on the test's own database: graphile-worker's schema was installed with
// the portal's migrations (lib/db/schema-engine.ts applyMigrations → installJobSchema).

async function jobsOf(task: JobName) {
  return (await listQueueJobs()).filter((j) => j.task === task);
}

/** Makes a job waiting for its backoff due now (so a test need not wait seconds). */
async function makeDue(id: string) {
  await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = ${BigInt(id)}`;
}

/** Seconds until the job's next attempt. */
async function delayOf(id: string): Promise<number> {
  const [r] = await db().$queryRaw<Array<{ s: number }>>`
    SELECT EXTRACT(EPOCH FROM run_at - now())::float8 AS s FROM graphile_worker._private_jobs WHERE id = ${BigInt(id)}`;
  return r!.s;
}

const failing = {
  ...HANDLERS,
  "jobs.prune-runs": async () => {
    throw new Error("磁盘已满");
  },
};

describe("the outbox: a job commits with its transaction", () => {
  it("a job added in a transaction that rolls back does not exist", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueJob(tx, { task: "jobs.prune-runs", payload: {} });
        throw new Error("回滚");
      }),
    ).rejects.toThrow("回滚");
    expect(await jobsOf("jobs.prune-runs")).toHaveLength(0);
  });

  it("a job added in a transaction that commits runs, and its run is logged as done", async () => {
    await db().$transaction((tx) => enqueueJob(tx, { task: "jobs.prune-runs", payload: {} }));
    const [job] = await jobsOf("jobs.prune-runs");
    expect(job).toBeDefined();
    expect(jobState(job!)).toBe("QUEUED");
    expect(job!.maxAttempts).toBe(8);
    await runDueJobs();
    expect(await jobsOf("jobs.prune-runs")).toHaveLength(0);
    const run = await db().jobRun.findFirstOrThrow({ where: { jobId: job!.id } });
    expect(run).toMatchObject({ task: "jobs.prune-runs", outcome: "SUCCEEDED", attempt: 1 });
    expect(run.note).toContain("已清理");
  });
});

describe("failures: retried with growing backoff, then parked with the last error", () => {
  it("retries, backs off exponentially, ends failed after max attempts; retry by an admin is audited, a clerk is refused", async () => {
    await db().$transaction((tx) => enqueueJob(tx, { task: "jobs.prune-runs", payload: {}, maxAttempts: 3 }));
    const [job] = await jobsOf("jobs.prune-runs");
    const id = job!.id;

    await runDueJobs({ handlers: failing });
    let [j] = await jobsOf("jobs.prune-runs");
    expect(j).toMatchObject({ id, attempts: 1 });
    expect(j!.lastError).toContain("磁盘已满");
    expect(jobState(j!)).toBe("RETRYING");
    const first = await delayOf(id);
    expect(first).toBeGreaterThan(1.5); // exp(1) ≈ 2.7 s
    expect(first).toBeLessThan(4);

    // Not due yet: running now does nothing.
    await runDueJobs({ handlers: failing });
    expect((await jobsOf("jobs.prune-runs"))[0]!.attempts).toBe(1);

    await makeDue(id);
    await runDueJobs({ handlers: failing });
    const second = await delayOf(id);
    expect(second).toBeGreaterThan(first * 2); // exp(2) ≈ 7.4 s

    await makeDue(id);
    expectConsoleError(1); // the runner reports a job it stops retrying
    await runDueJobs({ handlers: failing });
    [j] = await jobsOf("jobs.prune-runs");
    expect(j).toMatchObject({ id, attempts: 3, maxAttempts: 3 });
    expect(j!.lastError).toContain("磁盘已满");
    expect(jobState(j!)).toBe("FAILED");

    // Never retried forever: a failed job is not picked up again.
    await makeDue(id);
    await runDueJobs({ handlers: failing });
    expect((await jobsOf("jobs.prune-runs"))[0]!.attempts).toBe(3);
    const runs = await db().jobRun.findMany({ where: { jobId: id }, orderBy: { id: "asc" } });
    expect(runs.map((r) => [r.attempt, r.outcome])).toEqual([
      [1, "FAILED"],
      [2, "FAILED"],
      [3, "FAILED"],
    ]);
    expect(runs[2]!.note).toBe("磁盘已满");

    // Authorization pair: a clerk may not retry (refusal audited, job untouched) …
    const clerk = await makeActor(["CLERK"]);
    await expect(retryJob(clerk, { jobId: id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await jobsOf("jobs.prune-runs"))[0]!.attempts).toBe(3);
    expect(await db().auditLog.count({ where: { action: "jobs.retry", actorId: clerk.id, outcome: "REFUSED" } })).toBe(1);

    // … an administrator may: a fresh set of attempts, due now, audited with the old error.
    const admin = await makeActor(["ADMIN"]);
    await retryJob(admin, { jobId: id }, { ip: "10.0.0.9" });
    [j] = await jobsOf("jobs.prune-runs");
    expect(j).toMatchObject({ id, attempts: 0 });
    expect(jobState(j!)).toBe("QUEUED");
    expect(await delayOf(id)).toBeLessThanOrEqual(0.5);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "jobs.retry", actorId: admin.id } });
    expect(audit).toMatchObject({ outcome: "OK", entityType: "Job", entityId: id, ip: "10.0.0.9" });
    expect(audit.detail).toContain("磁盘已满");

    // A job that is not failed cannot be "retried" (it will run by itself).
    await expect(retryJob(admin, { jobId: id })).rejects.toBeInstanceOf(InvalidTransitionError);

    // The retried job now runs (the fault is gone) and is done.
    await runDueJobs();
    expect(await jobsOf("jobs.prune-runs")).toHaveLength(0);
    expect(await db().jobRun.count({ where: { jobId: id, outcome: "SUCCEEDED" } })).toBe(1);
  });

  it("a job that no longer exists cannot be retried; a malformed id is a field error", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(retryJob(admin, { jobId: "999999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryJob(admin, { jobId: "1; DROP" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { jobId: ["任务编号不正确"] },
    });
  });
});

describe("the long-running runner (as in the server process)", () => {
  it("wakes up for a job committed while it runs, and stops cleanly", async () => {
    await startJobRunner({ connectionString: process.env.DATABASE_URL!, concurrency: 1 });
    try {
      await db().$transaction((tx) => enqueueJob(tx, { task: "jobs.prune-runs", payload: {} }));
      const [job] = await jobsOf("jobs.prune-runs");
      await expect.poll(() => db().jobRun.count({ where: { jobId: job!.id, outcome: "SUCCEEDED" } }), { timeout: 10_000 }).toBe(1);
      expect(await jobsOf("jobs.prune-runs")).toHaveLength(0);
    } finally {
      await stopJobRunner();
    }
  });
});

describe("scheduled work", () => {
  it("every scheduled task has a handler and parses as a cron item", () => {
    const items = cronItems();
    expect(items.map((i) => i.task).sort()).toEqual(CRON.map((c) => c.task).sort());
    for (const c of CRON) expect(HANDLERS[c.task]).toBeTypeOf("function");
    expect(new Set(items.map((i) => i.identifier)).size).toBe(items.length);
    expect(items.find((i) => i.task === "disclosure.publish-due")?.options.jobKey).toBe("cron:disclosure.publish-due");
  });

  it("DISCLOSURE_SCHEDULER=off or JOBS=off means no runner", () => {
    expect(jobRunnerEnabled({})).toBe(true);
    expect(jobRunnerEnabled({ DISCLOSURE_SCHEDULER: "off" })).toBe(false);
    expect(jobRunnerEnabled({ JOBS: "off" })).toBe(false);
  });
});
