// The read-side cache of the public catalogue and how writers invalidate it.
// Design and trade-offs: docs/decisions/0004-public-cache.md.
//
// Writers: every transaction that changes what citizens can see (publish, scheduled
// publish, withdraw, replace, edit-publish, 有效性 change …) calls
// `notifyCatalogueChanged(tx, itemId)`. That runs `pg_notify('catalogue_changed', id)`,
// which PostgreSQL delivers only when — and only if — the transaction commits. So it works
// the same from a request, the scheduled-publication runner, a script or psql.
//
// Readers: `cachedCatalogue(key, load)` keeps query results in an in-process LRU. Every
// server process holds one dedicated LISTEN connection; a notification clears the whole
// cache. While that connection is not up (start-up, database restart) the cache is
// bypassed and every read goes to the database, so a lost notification can never leave a
// stale page behind.

import pg from "pg";
import type { Db, Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

/** The PostgreSQL NOTIFY channel of catalogue changes; the payload is the item id. */
export const CATALOGUE_CHANNEL = "catalogue_changed";

/**
 * Tells every server process that the public view of `itemId` may have changed. Call it
 * inside the transaction of the change: the notification is delivered on commit, and not
 * at all on rollback. Also usable with the plain client after a direct change.
 */
export async function notifyCatalogueChanged(tx: Tx | Db, itemId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CATALOGUE_CHANNEL}, ${itemId.slice(0, 7000)})`;
}

// ---------------------------------------------------------------------------------------
// In-process cache
// ---------------------------------------------------------------------------------------

/** Budget of the cache, in weight units (roughly one per KB of cached text). */
const MAX_WEIGHT = 64_000;
/** Safety net only: invalidation is by notification, this bounds any unforeseen miss. */
const TTL_MS = 5 * 60_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

type Entry = { value: Promise<unknown>; weight: number; expires: number };

type State = {
  /** Incremented on every invalidation; a load started under an older one is not kept. */
  generation: number;
  listening: boolean;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  retryAt: number;
  retryDelay: number;
  cache: Map<string, Entry>;
  weight: number;
  listeners: Set<(itemId: string) => void>;
  stale: Map<string, unknown>;
  /** False in tests that want to see the database directly. */
  enabled: boolean;
};

const g = globalThis as unknown as { __catalogueCache?: State };
const state: State = (g.__catalogueCache ??= {
  generation: 0,
  listening: false,
  client: null,
  connecting: null,
  retryAt: 0,
  retryDelay: RETRY_MIN_MS,
  cache: new Map(),
  weight: 0,
  listeners: new Set(),
  stale: new Map(),
  enabled: process.env.PUBLIC_CACHE !== "off",
});

export type CacheOptions<T> = {
  /** Weight of a value (≈ KB of text); default 1. Values heavier than 1/8 of the budget are not kept. */
  weigh?: (value: T) => number;
  /**
   * Time to live. Catalogue data needs none (notifications clear it); data that changes
   * without a catalogue notification (department and category names) sets a short one.
   */
  ttlMs?: number;
  /**
   * After an invalidation, answer at once with the last value while the new one loads (for
   * expensive, approximate-by-nature values such as list totals). The fresh value replaces
   * it as soon as it is loaded, normally within milliseconds.
   */
  staleWhileRevalidate?: boolean;
};

/** Last values of staleWhileRevalidate keys (kept across invalidations, small values only). */
const MAX_STALE = 2_000;

/**
 * Returns the cached result of `load` under `key`, loading it on a miss. Concurrent
 * misses share one load. Results are only kept while this process is listening for
 * catalogue changes; a load that started before an invalidation is never kept after it.
 * `key` must include every parameter the result depends on.
 */
export async function cachedCatalogue<T>(key: string, load: () => Promise<T>, opts: CacheOptions<T> = {}): Promise<T> {
  if (!state.enabled) return load();
  ensureListener();
  if (!state.listening) return load();

  const now = Date.now();
  const hit = state.cache.get(key);
  if (hit && hit.expires > now) {
    // Refresh the LRU position (Map keeps insertion order).
    state.cache.delete(key);
    state.cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  if (hit) remove(key);

  const previous = opts.staleWhileRevalidate && state.stale.has(key) ? (state.stale.get(key) as T) : undefined;
  const generation = state.generation;
  const entry: Entry = { value: load(), weight: 1, expires: now + (opts.ttlMs ?? TTL_MS) };
  state.cache.set(key, entry);
  state.weight += 1;
  if (previous !== undefined) {
    entry.value.catch(() => undefined);
    void settle(key, entry, generation, opts).catch(() => undefined);
    return previous;
  }
  return settle(key, entry, generation, opts);
}

async function settle<T>(key: string, entry: Entry, generation: number, opts: CacheOptions<T>): Promise<T> {
  try {
    const value = (await entry.value) as T;
    if (state.cache.get(key) === entry) {
      const weight = Math.max(1, Math.ceil(opts.weigh?.(value) ?? 1));
      if (generation !== state.generation || weight > MAX_WEIGHT / 8) {
        remove(key);
      } else {
        state.weight += weight - entry.weight;
        entry.weight = weight;
        evict();
      }
    }
    if (opts.staleWhileRevalidate && generation === state.generation) {
      state.stale.delete(key);
      state.stale.set(key, value);
      if (state.stale.size > MAX_STALE) {
        // Map keeps insertion order: the first key is the least recently stored.
        const oldest = state.stale.keys().next();
        if (!oldest.done) state.stale.delete(oldest.value);
      }
    }
    return value;
  } catch (e) {
    if (state.cache.get(key) === entry) remove(key);
    throw e;
  }
}

/** Drops every cached result (what a notification does). */
export function clearCatalogueCache(): void {
  state.generation += 1;
  state.cache.clear();
  state.weight = 0;
}

/** For tests and diagnostics. */
export function catalogueCacheStatus(): { listening: boolean; generation: number; entries: number; weight: number } {
  return { listening: state.listening, generation: state.generation, entries: state.cache.size, weight: state.weight };
}

/** Turns the cache on or off in this process (tests); turning it off also clears it. */
export function setCatalogueCacheEnabled(enabled: boolean): void {
  state.enabled = enabled;
  state.stale.clear();
  clearCatalogueCache();
}

/** Subscribes to catalogue changes seen by this process; returns the unsubscribe function. */
export function onCatalogueChanged(fn: (itemId: string) => void): () => void {
  state.listeners.add(fn);
  return () => state.listeners.delete(fn);
}

/** Starts listening (if not yet) and resolves once the LISTEN connection is up. */
export async function startCatalogueListener(): Promise<void> {
  state.retryAt = 0;
  ensureListener();
  if (state.connecting) await state.connecting;
}

/** Closes the LISTEN connection (tests, shutdown); the cache is bypassed afterwards. */
export async function stopCatalogueListener(): Promise<void> {
  const client = state.client;
  state.client = null;
  state.listening = false;
  state.retryAt = Number.MAX_SAFE_INTEGER;
  clearCatalogueCache();
  if (client) await client.end().catch(() => undefined);
}

function remove(key: string): void {
  const e = state.cache.get(key);
  if (!e) return;
  state.cache.delete(key);
  state.weight -= e.weight;
}

function evict(): void {
  for (const key of state.cache.keys()) {
    if (state.weight <= MAX_WEIGHT) break;
    remove(key);
  }
}

function ensureListener(): void {
  if (state.listening || state.connecting || Date.now() < state.retryAt) return;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "portal-catalogue-listener" });
  state.client = client;
  const lost = (why: string) => {
    if (state.client !== client) return;
    state.client = null;
    state.listening = false;
    clearCatalogueCache();
    state.retryAt = Date.now() + state.retryDelay;
    state.retryDelay = Math.min(RETRY_MAX_MS, state.retryDelay * 2);
    console.warn(`[public-cache] 目录变更监听连接中断（${why}），缓存暂停使用`);
    client.end().catch(() => undefined);
  };
  client.on("error", (e) => lost(e instanceof Error ? e.message : "error"));
  client.on("end", () => lost("end"));
  client.on("notification", (msg) => {
    if (msg.channel !== CATALOGUE_CHANNEL) return;
    clearCatalogueCache();
    for (const fn of state.listeners) {
      try {
        fn(msg.payload ?? "");
      } catch {
        // A subscriber's failure must not stop invalidation.
      }
    }
  });
  state.connecting = (async () => {
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOGUE_CHANNEL}`);
      if (state.client !== client) return;
      // Anything cached before now was not covered by a listener.
      clearCatalogueCache();
      state.listening = true;
      state.retryDelay = RETRY_MIN_MS;
    } catch (e) {
      lost(e instanceof Error ? e.message : "connect");
    } finally {
      state.connecting = null;
    }
  })();
}
