// Rebuilds every search document from the items (after a change of the tokeniser, or for
// data written without going through the workflow verbs — e.g. a demo seed step).

import type { Db } from "@/lib/db/client";
import { syncSearchDocument } from "./sync-item";

export async function reindexAllSearchDocuments(
  client: Db,
  opts: { batch?: number; log?: (m: string) => void } = {},
): Promise<{ indexed: number; removed: number }> {
  const batch = opts.batch ?? 200;
  let after = "";
  let indexed = 0;
  for (;;) {
    const rows = await client.disclosureItem.findMany({
      where: { id: { gt: after }, publishedRevisionId: { not: null }, state: { not: "WITHDRAWN" } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (rows.length === 0) break;
    await client.$transaction(async (tx) => {
      for (const r of rows) await syncSearchDocument(tx, r.id);
    });
    indexed += rows.length;
    after = rows.at(-1)?.id ?? after;
    opts.log?.(`检索文档：已重建 ${indexed} 条`);
  }
  // Documents whose item is no longer visible (or no longer exists), then their match rows.
  const removed = await client.$executeRaw`
    DELETE FROM "SearchDocument" s WHERE NOT EXISTS (
      SELECT 1 FROM "DisclosureItem" i
      WHERE i."id" = s."itemId" AND i."publishedRevisionId" IS NOT NULL AND i."firstPublishedAt" IS NOT NULL
        AND i."state" <> 'WITHDRAWN')`;
  await client.$executeRaw`DELETE FROM "SearchTerm" t WHERE NOT EXISTS (SELECT 1 FROM "SearchDocument" s WHERE s."itemId" = t."itemId")`;
  return { indexed, removed };
}
