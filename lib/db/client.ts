import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process, kept on globalThis so dev-mode reloads don't open a
// new pool each time. Password hashes are omitted from every query unless a
// caller explicitly selects them (sign-in does).

function create(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 15_000 },
  });
}

export type Db = ReturnType<typeof create>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const g = globalThis as unknown as { __prisma?: Db };

export function db(): Db {
  g.__prisma ??= create(env().DATABASE_URL);
  return g.__prisma;
}

/** A client on an explicit URL (tests, scripts). */
export function createDb(url: string): Db {
  return create(url);
}
