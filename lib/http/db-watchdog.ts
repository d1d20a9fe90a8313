// Notices a database that stopped answering, so the production server (scripts/server.ts)
// can answer 503 at once instead of letting every request wait for its query timeout.
//
// A frozen PostgreSQL (SIGSTOP, a stuck disk, a dropped network path) keeps its TCP
// connections open: queries wait forever unless the client gives up. lib/db/client.ts bounds
// each query; this watchdog pings on a connection of its own (not from the app's pool, so a
// busy pool does not look like a dead database) and reports unhealthy after consecutive
// failures. Cached public pages are still served while it is unhealthy.

import pg from "pg";

export type DbWatchdog = {
  healthy(): boolean;
  stop(): Promise<void>;
};

export type WatchdogOptions = {
  connectionString: string;
  /** Between pings. */
  intervalMs?: number;
  /** A ping slower than this fails. */
  timeoutMs?: number;
  /** Consecutive failures before unhealthy (one success makes it healthy again). */
  failures?: number;
  onChange?: (healthy: boolean) => void;
};

export function startDbWatchdog(opts: WatchdogOptions): DbWatchdog {
  const intervalMs = opts.intervalMs ?? 2_000;
  const timeoutMs = opts.timeoutMs ?? 2_000;
  const needed = opts.failures ?? 2;
  let healthy = true;
  let failed = 0;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const set = (h: boolean) => {
    if (h === healthy) return;
    healthy = h;
    opts.onChange?.(h);
  };

  const drop = () => {
    const c = client;
    client = null;
    // end() waits for the server's reply, which a frozen server never sends.
    c?.end().catch(() => undefined);
    (c as unknown as { connection?: { stream?: { destroy(): void } } } | null)?.connection?.stream?.destroy();
  };

  const ping = async () => {
    if (!client) {
      client = new pg.Client({ connectionString: opts.connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
      client.on("error", () => {
        drop();
      });
      await client.connect();
    }
    await client.query("SELECT 1");
  };

  const tick = async () => {
    try {
      await withTimeout(ping(), timeoutMs);
      failed = 0;
      set(true);
    } catch {
      drop();
      failed += 1;
      if (failed >= needed) set(false);
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs).unref();
  };
  timer = setTimeout(() => void tick(), 0).unref();

  return {
    healthy: () => healthy,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      drop();
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => {
      reject(new Error("timeout"));
    }, ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
