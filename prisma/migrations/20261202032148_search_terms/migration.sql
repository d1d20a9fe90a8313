-- Split the match side of search (facet columns + vectors) out of SearchDocument into a
-- narrow SearchTerm row, so a search touches ~150 bytes of heap per match instead of
-- ~1.8 KB (docs/performance.md). Hand-edited: order (copy before drop), storage settings,
-- fastupdate.

-- CreateTable
CREATE TABLE "SearchTerm" (
    "itemId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "validity" "DisclosureValidity" NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "tsv" tsvector NOT NULL,
    "tsvHead" tsvector NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("itemId")
);

-- Hand-written: once a row exceeds PostgreSQL's ~2 KB toast threshold (an ordinary document's
-- vectors do), move both vectors out of the heap row down to 128 bytes, uncompressed (a GIN
-- recheck or a ranking then detoasts without decompressing).
ALTER TABLE "SearchTerm" SET (toast_tuple_target = 128);
ALTER TABLE "SearchTerm" ALTER COLUMN "tsv" SET STORAGE EXTERNAL, ALTER COLUMN "tsvHead" SET STORAGE EXTERNAL;

-- Hand-written: keep what is already indexed.
INSERT INTO "SearchTerm" ("itemId", "departmentId", "categoryId", "year", "validity", "publishedAt", "tsv", "tsvHead")
SELECT "itemId", "departmentId", "categoryId", "year", "validity", "publishedAt", "tsv", "tsvHead" FROM "SearchDocument";

-- DropIndex
DROP INDEX "SearchDocument_tsv_idx";

-- AlterTable
ALTER TABLE "SearchDocument" DROP COLUMN "tsv",
DROP COLUMN "tsvHead";

-- CreateIndex (hand-edited: fastupdate off — a publish must be findable at once, and searches
-- must not pay for merging a pending list; inserts are one row at a time)
CREATE INDEX "SearchTerm_tsv_idx" ON "SearchTerm" USING GIN ("tsv") WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "SearchTerm_tsvHead_idx" ON "SearchTerm" USING GIN ("tsvHead") WITH (fastupdate = off);
