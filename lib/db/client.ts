import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process, kept on globalThis so dev-mode reloads don't open a
// new pool each time. Password hashes are omitted from every query unless a
// caller explicitly selects them (sign-in does).

/** Time limits of the app's pool; scripts (seeding, bulk loads) run without them. */
export type DbTimeouts = { statementMs: number };

function create(url: string, timeouts?: DbTimeouts) {
  // A frozen or unreachable PostgreSQL must not hang requests: the server cancels a
  // statement after statementMs, and pg gives up on a reply that never comes (the server
  // cannot cancel anything while it is frozen) shortly after; a new connection waits at
  // most 5 s. The production server then answers 503 (lib/http/db-watchdog.ts).
  const limits = timeouts
    ? {
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: Math.max(timeouts.statementMs * 3, 30_000),
        query_timeout: timeouts.statementMs + 2_000,
        connectionTimeoutMillis: 5_000,
      }
    : {};
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, ...limits }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 15_000 },
  });
}

export type Db = ReturnType<typeof create>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const g = globalThis as unknown as { __prisma?: Db };

export function db(): Db {
  g.__prisma ??= create(env().DATABASE_URL, { statementMs: env().DB_STATEMENT_TIMEOUT_MS });
  return g.__prisma;
}

/** A client on an explicit URL (tests, scripts); without time limits unless given. */
export function createDb(url: string, timeouts?: DbTimeouts): Db {
  return create(url, timeouts);
}
