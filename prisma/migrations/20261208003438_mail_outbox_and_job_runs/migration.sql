-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('QUERY_CODE', 'NOTICE', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "JobRunOutcome" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "OutboundMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "kind" "MailKind" NOT NULL,
    "applicationId" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT NOT NULL DEFAULT '',
    "messageId" TEXT,
    "redact" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaughtMail" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from" TEXT NOT NULL DEFAULT '',
    "to" TEXT[],
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "messageId" TEXT NOT NULL DEFAULT '',
    "raw" TEXT NOT NULL,

    CONSTRAINT "CaughtMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" BIGSERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "outcome" "JobRunOutcome" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboundMail_status_createdAt_idx" ON "OutboundMail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundMail_applicationId_idx" ON "OutboundMail"("applicationId");

-- CreateIndex
CREATE INDEX "CaughtMail_receivedAt_idx" ON "CaughtMail"("receivedAt");

-- CreateIndex
CREATE INDEX "JobRun_finishedAt_idx" ON "JobRun"("finishedAt");

-- CreateIndex
CREATE INDEX "JobRun_outcome_finishedAt_idx" ON "JobRun"("outcome", "finishedAt");

-- AddForeignKey
ALTER TABLE "OutboundMail" ADD CONSTRAINT "OutboundMail_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;
