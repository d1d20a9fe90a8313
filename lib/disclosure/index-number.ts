import type { Tx } from "@/lib/db/client";
import { formatIndexNumber } from "./rules/index-number";

/** Codes from the database made fit for the 索引号 pattern (digits and capitals). */
function codePart(code: string, max: number): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, max);
}

/**
 * Allocates the next 索引号 for (department, category, year): the counter row is upserted and
 * incremented in the caller's transaction, so two saves never get the same sequence.
 */
export async function allocateIndexNumber(tx: Tx, departmentId: string, categoryId: string, year: number): Promise<string> {
  const [dept, cat] = await Promise.all([
    tx.department.findUniqueOrThrow({ where: { id: departmentId }, select: { code: true } }),
    tx.category.findUniqueOrThrow({ where: { id: categoryId }, select: { code: true } }),
  ]);
  const rows = await tx.$queryRaw<Array<{ lastSeq: number | bigint }>>`
    INSERT INTO "DisclosureIndexCounter" ("departmentId", "categoryId", "year", "lastSeq")
    VALUES (${departmentId}, ${categoryId}, ${year}, 1)
    ON CONFLICT ("departmentId", "categoryId", "year")
    DO UPDATE SET "lastSeq" = "DisclosureIndexCounter"."lastSeq" + 1
    RETURNING "lastSeq"`;
  const counter = rows[0];
  if (!counter) throw new Error("索引号计数器未返回序号");
  const seq = Number(counter.lastSeq);
  const orgCode = codePart(dept.code, 18).padEnd(4, "0");
  const categoryCode = codePart(cat.code, 10) || "0";
  const r = formatIndexNumber({ orgCode, categoryCode, year, seq });
  if (!r.ok) throw new Error(`索引号生成失败：${r.message}`);
  return r.value;
}
