-- CreateEnum
CREATE TYPE "AttachmentTextStatus" AS ENUM ('PENDING', 'DONE', 'FAILED', 'UNSUPPORTED');

-- CreateTable
CREATE TABLE "SearchDocument" (
    "itemId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "validity" "DisclosureValidity" NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "indexNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "summary" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "tsv" tsvector NOT NULL,
    "tsvHead" tsvector NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "AttachmentText" (
    "attachmentId" TEXT NOT NULL,
    "status" "AttachmentTextStatus" NOT NULL DEFAULT 'PENDING',
    "text" TEXT NOT NULL DEFAULT '',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttachmentText_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_publishedAt_itemId_idx" ON "SearchDocument"("publishedAt" DESC, "itemId" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_departmentId_publishedAt_itemId_idx" ON "SearchDocument"("departmentId", "publishedAt" DESC, "itemId" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_categoryId_publishedAt_itemId_idx" ON "SearchDocument"("categoryId", "publishedAt" DESC, "itemId" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_categoryId_departmentId_publishedAt_itemId_idx" ON "SearchDocument"("categoryId", "departmentId", "publishedAt" DESC, "itemId" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_year_publishedAt_itemId_idx" ON "SearchDocument"("year", "publishedAt" DESC, "itemId" DESC);

-- CreateIndex
-- Full-text match on all fields (hand-edited: fastupdate off). A publish must be findable at
-- once and searches must not pay for merging a pending list; inserts are one row at a time.
CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING GIN ("tsv") WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "AttachmentText_status_createdAt_idx" ON "AttachmentText"("status", "createdAt");

-- ───────── hand-written (not visible to Prisma) ─────────
-- Keep the small ranking vector in the heap row (it is read for every match when ranking
-- a large result set); the full vector may be compressed and moved out of line.
ALTER TABLE "SearchDocument" ALTER COLUMN "tsvHead" SET STORAGE MAIN;
