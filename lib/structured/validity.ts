// The catalogue 有效性 of fee items, derived from their effective status (rules/fee.ts
// effectiveFeeStatus → feeValidity), so the general catalogue, search and the item page say
// what /xxgk/fees says.
//
// A revision's 有效性 is part of what was signed (its hash covers it) and cannot change after
// publication. A fee's status can change without a new revision of that fee: its published
// successor takes effect (已调整), its cancellation date or 执行截止日期 passes. Two helpers
// cover that without touching the signed revision:
// - `feeValidityOverrides` — for pages that show an item's 有效性 (computed at render);
// - `syncFeeValidity` — brings the search index (SearchDocument / SearchTerm, which the
//   catalogue lists and the 有效性 facet read) in line; idempotent, cheap when nothing changed,
//   meant to run after a fee's publication and once a day (the scheduler tick).

import { db } from "@/lib/db/client";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import type { Validity } from "@/lib/disclosure/rules/validity";
import { feeRows } from "./fees";
import { feeValidity } from "./rules/fee";

export type DerivedValidity = { validity: Validity; replacedById: string | null };

/** Effective 有效性 of the published fee items among `itemIds` (others are absent from the map). */
export async function feeValidityOverrides(
  itemIds: readonly string[],
  today = civilDateInShanghai(new Date()),
): Promise<Map<string, DerivedValidity>> {
  const wanted = new Set(itemIds);
  const out = new Map<string, DerivedValidity>();
  for (const r of await feeRows(today)) {
    if (wanted.has(r.itemId) && !r.withdrawn) out.set(r.itemId, feeValidity(r));
  }
  return out;
}

/**
 * Rewrites the indexed 有效性 of every live fee item whose effective 有效性 differs from the
 * index, notifying the catalogue caches in the same transaction. Returns the item ids changed.
 */
export async function syncFeeValidity(today = civilDateInShanghai(new Date())): Promise<string[]> {
  const rows = (await feeRows(today)).filter((r) => !r.withdrawn);
  if (rows.length === 0) return [];
  const indexed = await db().$queryRaw<Array<{ itemId: string; validity: string }>>`
    SELECT "itemId", "validity"::text AS "validity" FROM "SearchDocument" WHERE "itemId" = ANY(${rows.map((r) => r.itemId)}::text[])`;
  const current = new Map(indexed.map((r) => [r.itemId, r.validity]));
  const changes = rows
    .map((r) => ({ itemId: r.itemId, validity: feeValidity(r).validity }))
    .filter((c) => current.has(c.itemId) && current.get(c.itemId) !== c.validity);
  if (changes.length === 0) return [];
  await db().$transaction(async (tx) => {
    for (const c of changes) {
      await tx.$executeRaw`UPDATE "SearchDocument" SET "validity" = ${c.validity}::"DisclosureValidity" WHERE "itemId" = ${c.itemId}`;
      await tx.$executeRaw`UPDATE "SearchTerm" SET "validity" = ${c.validity}::"DisclosureValidity" WHERE "itemId" = ${c.itemId}`;
      await notifyCatalogueChanged(tx, c.itemId);
    }
  });
  return changes.map((c) => c.itemId);
}
