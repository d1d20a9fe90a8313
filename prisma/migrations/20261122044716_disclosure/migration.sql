-- CreateEnum
CREATE TYPE "DisclosureItemState" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'PENDING_SIGNOFF', 'SCHEDULED', 'PUBLISHED', 'WITHHELD', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DisclosureValidity" AS ENUM ('VALID', 'AMENDED', 'REPEALED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DisclosureTier" AS ENUM ('GENERAL', 'MAJOR', 'CRITICAL');

-- CreateEnum
CREATE TYPE "DisclosureMode" AS ENUM ('PROACTIVE', 'ON_REQUEST');

-- CreateEnum
CREATE TYPE "DisclosureScope" AS ENUM ('PUBLIC', 'SPECIFIC_GROUP');

-- CreateEnum
CREATE TYPE "DisclosureReviewDecision" AS ENUM ('CLEAR', 'PARTIAL', 'WITHHOLD', 'REFER');

-- CreateEnum
CREATE TYPE "DisclosureWithdrawalReason" AS ENUM ('PUBLISHED_IN_ERROR', 'SUPERSEDED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DisclosureWithdrawnPage" AS ENUM ('GONE', 'REPLACED', 'NOTICE');

-- CreateEnum
CREATE TYPE "DisclosureEventType" AS ENUM ('CREATE', 'EDIT', 'SUBMIT', 'REVIEW', 'SIGN', 'SIGNOFF_COMPLETE', 'RETURN', 'SCHEDULE', 'UNSCHEDULE', 'PUBLISH', 'WITHDRAW', 'DISCARD_DRAFT', 'REOPEN', 'INVALIDATE', 'VALIDITY_CHANGE');

-- CreateTable
CREATE TABLE "DisclosureItem" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "state" "DisclosureItemState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "indexNumber" TEXT NOT NULL,
    "workingRevisionId" TEXT,
    "publishedRevisionId" TEXT,
    "firstPublishedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "scheduledAt" TIMESTAMPTZ(3),
    "scheduledRevisionHash" TEXT,
    "referralNote" TEXT,
    "referredAt" TIMESTAMPTZ(3),
    "reassessmentDueOn" DATE,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" "DisclosureWithdrawalReason",
    "withdrawnPage" "DisclosureWithdrawnPage",
    "withdrawalNote" TEXT,
    "withdrawnById" TEXT,
    "replacementItemId" TEXT,
    "interpretsItemId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DisclosureItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRevision" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "categoryId" TEXT NOT NULL,
    "writtenOn" DATE NOT NULL,
    "formedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keywords" TEXT[],
    "disclosureMode" "DisclosureMode" NOT NULL DEFAULT 'PROACTIVE',
    "disclosureScope" "DisclosureScope" NOT NULL DEFAULT 'PUBLIC',
    "validity" "DisclosureValidity" NOT NULL DEFAULT 'VALID',
    "replacedById" TEXT,
    "tier" "DisclosureTier" NOT NULL DEFAULT 'GENERAL',
    "negative" BOOLEAN NOT NULL DEFAULT false,
    "responsibleSection" TEXT NOT NULL,
    "responsiblePerson" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "redaction" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMPTZ(3),
    "discardedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureAttachment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "storageName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRevisionAttachment" (
    "revisionId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DisclosureRevisionAttachment_pkey" PRIMARY KEY ("revisionId","attachmentId")
);

-- CreateTable
CREATE TABLE "DisclosureReview" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" "DisclosureReviewDecision" NOT NULL,
    "revisionId" TEXT NOT NULL,
    "revisionHash" TEXT NOT NULL,
    "exemptions" TEXT[],
    "comment" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DisclosureReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureSignature" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "stepNo" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "departmentId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "revisionHash" TEXT NOT NULL,
    "comment" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DisclosureSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureContributor" (
    "itemId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "DisclosureContributor_pkey" PRIMARY KEY ("itemId","cycle","userId")
);

-- CreateTable
CREATE TABLE "DisclosureEvent" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "type" "DisclosureEventType" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "fromState" "DisclosureItemState",
    "toState" "DisclosureItemState",
    "comment" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureIndexCounter" (
    "departmentId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DisclosureIndexCounter_pkey" PRIMARY KEY ("departmentId","categoryId","year")
);

-- CreateTable
CREATE TABLE "DisclosureEscalationLevel" (
    "departmentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "levelDepartmentId" TEXT NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "DisclosureEscalationLevel_pkey" PRIMARY KEY ("departmentId","level")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureItem_indexNumber_key" ON "DisclosureItem"("indexNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureItem_workingRevisionId_key" ON "DisclosureItem"("workingRevisionId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureItem_publishedRevisionId_key" ON "DisclosureItem"("publishedRevisionId");

-- CreateIndex
CREATE INDEX "DisclosureItem_departmentId_state_idx" ON "DisclosureItem"("departmentId", "state");

-- CreateIndex
CREATE INDEX "DisclosureItem_state_scheduledAt_idx" ON "DisclosureItem"("state", "scheduledAt");

-- CreateIndex
CREATE INDEX "DisclosureItem_publishedAt_idx" ON "DisclosureItem"("publishedAt");

-- CreateIndex
CREATE INDEX "DisclosureItem_interpretsItemId_idx" ON "DisclosureItem"("interpretsItemId");

-- CreateIndex
CREATE INDEX "DisclosureItem_replacementItemId_idx" ON "DisclosureItem"("replacementItemId");

-- CreateIndex
CREATE INDEX "DisclosureRevision_categoryId_idx" ON "DisclosureRevision"("categoryId");

-- CreateIndex
CREATE INDEX "DisclosureRevision_itemId_createdAt_idx" ON "DisclosureRevision"("itemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureRevision_itemId_number_key" ON "DisclosureRevision"("itemId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureAttachment_storageName_key" ON "DisclosureAttachment"("storageName");

-- CreateIndex
CREATE INDEX "DisclosureAttachment_itemId_idx" ON "DisclosureAttachment"("itemId");

-- CreateIndex
CREATE INDEX "DisclosureRevisionAttachment_attachmentId_idx" ON "DisclosureRevisionAttachment"("attachmentId");

-- CreateIndex
CREATE INDEX "DisclosureReview_itemId_cycle_idx" ON "DisclosureReview"("itemId", "cycle");

-- CreateIndex
CREATE INDEX "DisclosureReview_reviewerId_idx" ON "DisclosureReview"("reviewerId");

-- CreateIndex
CREATE INDEX "DisclosureSignature_signerId_idx" ON "DisclosureSignature"("signerId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureSignature_itemId_cycle_stepNo_revisionHash_key" ON "DisclosureSignature"("itemId", "cycle", "stepNo", "revisionHash");

-- CreateIndex
CREATE INDEX "DisclosureEvent_itemId_at_idx" ON "DisclosureEvent"("itemId", "at");

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_workingRevisionId_fkey" FOREIGN KEY ("workingRevisionId") REFERENCES "DisclosureRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_publishedRevisionId_fkey" FOREIGN KEY ("publishedRevisionId") REFERENCES "DisclosureRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_replacementItemId_fkey" FOREIGN KEY ("replacementItemId") REFERENCES "DisclosureItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_interpretsItemId_fkey" FOREIGN KEY ("interpretsItemId") REFERENCES "DisclosureItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRevision" ADD CONSTRAINT "DisclosureRevision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureAttachment" ADD CONSTRAINT "DisclosureAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRevisionAttachment" ADD CONSTRAINT "DisclosureRevisionAttachment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DisclosureRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRevisionAttachment" ADD CONSTRAINT "DisclosureRevisionAttachment_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "DisclosureAttachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureReview" ADD CONSTRAINT "DisclosureReview_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureSignature" ADD CONSTRAINT "DisclosureSignature_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureContributor" ADD CONSTRAINT "DisclosureContributor_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureEvent" ADD CONSTRAINT "DisclosureEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
