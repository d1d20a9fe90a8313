// Extracts the text of pending PDF/DOCX attachments and re-indexes their items.
//   npx tsx scripts/extract-attachments.ts          process everything pending, then exit
//   npx tsx scripts/extract-attachments.ts --watch  keep polling (every 30 s)
// Until the job runner calls runExtractionBatch(), run this beside the server.
import { resolveDatabase } from "@/lib/db/local-database";

const watch = process.argv.includes("--watch");
const database = await resolveDatabase({ cluster: process.env.PG_CLUSTER ?? "pg", port: Number(process.env.PG_PORT ?? 54329) });
process.env.DATABASE_URL = database.url;
const { runExtractionBatch } = await import("@/lib/search/extract/run-extraction");
const { db } = await import("@/lib/db/client");
try {
  for (;;) {
    const r = await runExtractionBatch({ limit: 20 });
    if (r.claimed) console.log(`附件文本：处理 ${r.claimed} 个，成功 ${r.done}，失败 ${r.failed}，不支持 ${r.unsupported}`);
    if (r.claimed === 0) {
      if (!watch) break;
      await new Promise((res) => setTimeout(res, 30_000));
    }
  }
} finally {
  await db().$disconnect();
  await database.stop();
}
