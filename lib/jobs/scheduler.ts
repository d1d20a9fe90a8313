// Starts the in-process poller that, every few seconds, publishes what is due (定时发布) and
// extracts the text of newly attached PDF/DOCX files for search. Started once per server
// process from instrumentation.ts. Both queues live in Postgres (rows claimed with
// FOR UPDATE SKIP LOCKED), nothing is kept in memory between ticks: a restarted server picks
// up whatever is due on its first tick, and two servers never do the same job twice.

import { runExtractionBatch } from "@/lib/search/extract";
import { syncFeeValidity } from "@/lib/structured/validity";
import { publishDueItems } from "./publish-scheduled";

const g = globalThis as unknown as { __disclosureScheduler?: ReturnType<typeof setInterval> };

export const SCHEDULER_INTERVAL_MS = 5_000;
/** How often fees' 有效性 is re-derived (a cancellation or end date passing needs no edit). */
export const FEE_VALIDITY_INTERVAL_MS = 60_000;

export function startScheduledPublisher(intervalMs = SCHEDULER_INTERVAL_MS): void {
  if (g.__disclosureScheduler) return;
  let running = false;
  let feesSyncedAt = 0;
  const tick = async () => {
    if (running) return; // a slow tick never overlaps the next
    running = true;
    let published = 0;
    try {
      const r = await publishDueItems();
      published = r.published.length;
      if (r.published.length > 0) console.info(`[定时发布] 已发布 ${r.published.length} 条信息`);
      for (const f of r.failed) console.warn(`[定时发布] 信息 ${f.itemId} 未能发布：${f.message}`);
    } catch (e) {
      console.error("[定时发布] 运行失败，将在下一周期重试", e);
    }
    try {
      if (published > 0 || Date.now() - feesSyncedAt >= FEE_VALIDITY_INTERVAL_MS) {
        feesSyncedAt = Date.now();
        const changed = await syncFeeValidity();
        if (changed.length > 0) console.info(`[收费项目] 已更新 ${changed.length} 个收费项目的有效性`);
      }
    } catch (e) {
      console.error("[收费项目] 有效性同步失败，将在下一周期重试", e);
    }
    try {
      // Extraction is slow (a large PDF takes seconds); a small batch keeps a tick short.
      const x = await runExtractionBatch({ limit: 5 });
      if (x.failed > 0) console.warn(`[附件全文] ${x.failed} 个附件提取失败，将重试`);
    } catch (e) {
      console.error("[附件全文] 运行失败，将在下一周期重试", e);
    } finally {
      running = false;
    }
  };
  g.__disclosureScheduler = setInterval(() => void tick(), intervalMs);
  g.__disclosureScheduler.unref?.();
  void tick();
}

export function stopScheduledPublisher(): void {
  if (g.__disclosureScheduler) clearInterval(g.__disclosureScheduler);
  g.__disclosureScheduler = undefined;
}
