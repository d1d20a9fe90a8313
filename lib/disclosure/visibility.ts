import type { Tx } from "@/lib/db/client";
import { syncSearchDocument } from "@/lib/search/sync-item";
import { notifyCatalogueChanged } from "./public-cache";

/**
 * Run inside the transaction of every change to what the public sees (publish, scheduled
 * publish, withdraw, replace, 有效性 change): search and the public catalogue follow at once.
 */
export async function afterVisibilityChange(tx: Tx, itemId: string): Promise<void> {
  await syncSearchDocument(tx, itemId);
  await notifyCatalogueChanged(tx, itemId);
}
