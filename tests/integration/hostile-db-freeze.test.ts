import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedHandle } from "@/lib/db/embedded-postgres";
import { createDb, type Db } from "@/lib/db/client";
import { startDbWatchdog, type DbWatchdog } from "@/lib/http/db-watchdog";

// A frozen PostgreSQL (issue 13): SIGSTOP every process of a cluster of this test's own (so
// other test files are not frozen with it), then check that queries fail within their
// time limit instead of hanging, that the server's watchdog notices (scripts/server.ts then
// answers 503 at once), and that everything recovers after SIGCONT.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-freeze-"));
let pg: EmbeddedHandle | undefined;
let client: Db | undefined;
let watchdog: DbWatchdog | undefined;
let frozen: number[] = [];

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error("set-up did not finish");
  return v;
}

function clusterPids(): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return [postmaster, ...children];
}

const signal = (pids: number[], sig: NodeJS.Signals) => {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // a backend that exited meanwhile
    }
  }
};

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? 54500) + 37, database: "postgres", quiet: true });
  client = createDb(pg.url, { statementMs: 1_000 });
  await client.$queryRaw`SELECT 1`;
  watchdog = startDbWatchdog({ connectionString: pg.url, intervalMs: 300, timeoutMs: 500, failures: 2 });
}, 60_000);

afterAll(async () => {
  signal(frozen, "SIGCONT");
  await watchdog?.stop();
  await client?.$disconnect().catch(() => undefined);
  await pg?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.password`, { force: true });
}, 60_000);

const watchdogRef = () => watchdog;
const clientRef = () => client;

describe("a frozen database", () => {
  it("makes queries fail within their time limit, the watchdog report it, and both recover", async () => {
    const watchdog = need(watchdogRef());
    const client = need(clientRef());
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 700));
    expect(watchdog.healthy()).toBe(true);

    frozen = clusterPids();
    signal(frozen, "SIGSTOP");
    try {
      const t1 = performance.now();
      const err = await client.$queryRaw`SELECT 1`.then(
        () => null,
        (e: unknown) => e,
      );
      const waited = performance.now() - t1;
      expect(err).toBeInstanceOf(Error);
      // statement limit 1 s + 2 s for a reply that never comes; far from a hang.
      expect(waited).toBeLessThan(6_000);

      const deadline = performance.now() + 5_000;
      while (watchdog.healthy() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(watchdog.healthy()).toBe(false);
    } finally {
      signal(frozen, "SIGCONT");
    }

    const deadline = performance.now() + 10_000;
    while (!watchdog.healthy() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(watchdog.healthy()).toBe(true);
    // New queries succeed again (the pool replaced the connection that timed out).
    let ok = false;
    while (!ok && performance.now() < deadline)
      ok = await client.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
    expect(ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(25_000);
  }, 40_000);
});
