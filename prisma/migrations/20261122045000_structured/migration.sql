-- CreateEnum
CREATE TYPE "StructuredKind" AS ENUM ('FEE', 'DEPARTMENT_PROFILE', 'LEADER', 'SERVICE', 'GUIDE');

-- CreateTable
CREATE TABLE "StructuredRecord" (
    "itemId" TEXT NOT NULL,
    "kind" "StructuredKind" NOT NULL,
    "departmentId" TEXT NOT NULL,
    "predecessorItemId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StructuredRecord_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "StructuredRevision" (
    "revisionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" "StructuredKind" NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StructuredRevision_pkey" PRIMARY KEY ("revisionId")
);

-- CreateTable
CREATE TABLE "StructuredPhoto" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StructuredPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StructuredRecord_kind_departmentId_idx" ON "StructuredRecord"("kind", "departmentId");

-- CreateIndex
CREATE INDEX "StructuredRecord_predecessorItemId_idx" ON "StructuredRecord"("predecessorItemId");

-- CreateIndex
CREATE INDEX "StructuredRevision_itemId_idx" ON "StructuredRevision"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "StructuredPhoto_sha256_key" ON "StructuredPhoto"("sha256");

-- Hand-written: the structured data of a revision is as immutable as the revision.
CREATE FUNCTION structured_revision_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'StructuredRevision rows are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER structured_revision_no_update
  BEFORE UPDATE ON "StructuredRevision"
  FOR EACH ROW EXECUTE FUNCTION structured_revision_immutable();
