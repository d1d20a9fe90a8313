-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('NATURAL_PERSON', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "OrganizationSubtype" AS ENUM ('COMMERCIAL', 'RESEARCH', 'PUBLIC_WELFARE', 'LEGAL_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicantIdType" AS ENUM ('RESIDENT_ID_CARD', 'UNIFIED_SOCIAL_CREDIT_CODE', 'OTHER');

-- CreateEnum
CREATE TYPE "SubmissionChannel" AS ENUM ('ONLINE', 'IN_PERSON', 'REGISTERED_MAIL', 'ORDINARY_MAIL', 'FAX', 'EMAIL');

-- CreateEnum
CREATE TYPE "RequestProvisionForm" AS ENUM ('PAPER', 'EMAIL', 'DISC', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestDeliveryMethod" AS ENUM ('COLLECT', 'POST', 'EMAIL', 'ONLINE_DOWNLOAD');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('PENDING_CONFIRMATION', 'REGISTERED', 'UNDER_REVIEW', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'IN_CONSULTATION', 'AWAITING_FEE', 'EXTENDED', 'REPLY_DRAFTED', 'REPLY_SIGNED', 'DELIVERED', 'ARCHIVED', 'DEEMED_WITHDRAWN', 'ABANDONED_FEE_UNPAID', 'WITHDRAWN', 'CLOSED_UNCONFIRMED');

-- CreateEnum
CREATE TYPE "RequestReplyType" AS ENUM ('ALREADY_PUBLIC', 'DISCLOSE', 'PARTIAL', 'WITHHOLD', 'NOT_EXIST', 'NOT_OURS', 'NOT_PROCESSED', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationDocumentKind" AS ENUM ('REPLY_LETTER', 'CORRECTION_NOTICE', 'CONSULTATION_LETTER', 'FEE_NOTICE', 'EXTENSION_NOTICE');

-- CreateEnum
CREATE TYPE "RequestReplyStatus" AS ENUM ('DRAFT', 'RETURNED', 'SIGNED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "RequestConsultationKind" AS ENUM ('THIRD_PARTY', 'OTHER_ORGAN');

-- CreateEnum
CREATE TYPE "RequestConsultationOutcome" AS ENUM ('AGREE', 'DISAGREE', 'NO_REPLY');

-- CreateEnum
CREATE TYPE "RequestExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "RequestFeeMethod" AS ENUM ('PER_APPLICATION', 'PER_VOLUME');

-- CreateEnum
CREATE TYPE "RequestFeeStatus" AS ENUM ('UNPAID', 'PAID', 'ABANDONED');

-- CreateTable
CREATE TABLE "DisclosureApplication" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "queryCodeHash" TEXT NOT NULL,
    "channel" "SubmissionChannel" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'PENDING_CONFIRMATION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "applicantType" "ApplicantType" NOT NULL,
    "organizationSubtype" "OrganizationSubtype",
    "applicantName" TEXT NOT NULL,
    "contactName" TEXT NOT NULL DEFAULT '',
    "idType" "ApplicantIdType" NOT NULL,
    "idDocumentName" TEXT NOT NULL DEFAULT '',
    "idNumber" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "documentRef" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "provisionForms" "RequestProvisionForm"[],
    "provisionFormOther" TEXT NOT NULL DEFAULT '',
    "deliveryMethods" "RequestDeliveryMethod"[],
    "needsAssistance" BOOLEAN NOT NULL DEFAULT false,
    "assistanceNote" TEXT NOT NULL DEFAULT '',
    "targetDepartmentId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "handlerId" TEXT,
    "handlerName" TEXT NOT NULL DEFAULT '',
    "splitFromId" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "receiptDate" DATE,
    "receiptRule" TEXT NOT NULL DEFAULT '',
    "receiptDetails" JSONB,
    "registeredById" TEXT,
    "correctionNoticeDate" DATE,
    "correctionItems" JSONB,
    "correctionDeadline" DATE,
    "correctionReceivedOn" DATE,
    "correctionNote" TEXT NOT NULL DEFAULT '',
    "replyType" "RequestReplyType",
    "annualReportRow" TEXT,
    "closedOn" DATE,
    "deliveredOn" DATE,
    "deliveryMethodUsed" TEXT NOT NULL DEFAULT '',
    "deliveryNote" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DisclosureApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" BIGSERIAL NOT NULL,
    "applicationId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus",
    "effectiveOn" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "payload" JSONB,

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationAttachment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "uploadedById" TEXT,
    "uploadedByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "ApplicationDocumentKind" NOT NULL,
    "sourceId" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL DEFAULT 'application/pdf',
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationReply" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "replyType" "RequestReplyType" NOT NULL,
    "decision" JSONB NOT NULL,
    "remarks" TEXT NOT NULL DEFAULT '',
    "annualReportRow" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" "RequestReplyStatus" NOT NULL DEFAULT 'DRAFT',
    "draftedById" TEXT NOT NULL,
    "draftedByName" TEXT NOT NULL DEFAULT '',
    "draftedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedByName" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "signedHash" TEXT,
    "documentNumber" TEXT,
    "letterDate" DATE,

    CONSTRAINT "ApplicationReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationConsultation" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "RequestConsultationKind" NOT NULL,
    "partyName" TEXT NOT NULL,
    "partyAddress" TEXT NOT NULL DEFAULT '',
    "partyContact" TEXT NOT NULL DEFAULT '',
    "matter" TEXT NOT NULL,
    "sentOn" DATE NOT NULL,
    "startedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "answeredOn" DATE,
    "outcome" "RequestConsultationOutcome",
    "opinion" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationExtension" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RequestExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByName" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMPTZ(3),
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "approvedOn" DATE,
    "noticeSentOn" DATE,
    "noticeMethod" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ApplicationExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationFee" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "method" "RequestFeeMethod" NOT NULL,
    "monthlyOrdinal" INTEGER,
    "pages" INTEGER,
    "amountYuan" INTEGER NOT NULL,
    "assessment" JSONB NOT NULL,
    "paymentInstructions" TEXT NOT NULL,
    "noticeDate" DATE NOT NULL,
    "paymentDueDate" DATE NOT NULL,
    "status" "RequestFeeStatus" NOT NULL DEFAULT 'UNPAID',
    "paidOn" DATE,
    "paidAmountYuan" INTEGER,
    "paymentReference" TEXT NOT NULL DEFAULT '',
    "issuedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestCounter" (
    "key" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RequestCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureApplication_number_key" ON "DisclosureApplication"("number");

-- CreateIndex
CREATE INDEX "DisclosureApplication_departmentId_status_idx" ON "DisclosureApplication"("departmentId", "status");

-- CreateIndex
CREATE INDEX "DisclosureApplication_status_idx" ON "DisclosureApplication"("status");

-- CreateIndex
CREATE INDEX "DisclosureApplication_idNumber_receiptDate_idx" ON "DisclosureApplication"("idNumber", "receiptDate");

-- CreateIndex
CREATE INDEX "DisclosureApplication_receiptDate_idx" ON "DisclosureApplication"("receiptDate");

-- CreateIndex
CREATE INDEX "DisclosureApplication_handlerId_idx" ON "DisclosureApplication"("handlerId");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_id_idx" ON "ApplicationEvent"("applicationId", "id");

-- CreateIndex
CREATE INDEX "ApplicationAttachment_applicationId_idx" ON "ApplicationAttachment"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationDocument_applicationId_kind_idx" ON "ApplicationDocument"("applicationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationReply_applicationId_revision_key" ON "ApplicationReply"("applicationId", "revision");

-- CreateIndex
CREATE INDEX "ApplicationConsultation_applicationId_idx" ON "ApplicationConsultation"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationExtension_applicationId_idx" ON "ApplicationExtension"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationFee_applicationId_key" ON "ApplicationFee"("applicationId");

-- AddForeignKey
ALTER TABLE "DisclosureApplication" ADD CONSTRAINT "DisclosureApplication_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "DisclosureApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAttachment" ADD CONSTRAINT "ApplicationAttachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDocument" ADD CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReply" ADD CONSTRAINT "ApplicationReply_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationConsultation" ADD CONSTRAINT "ApplicationConsultation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationExtension" ADD CONSTRAINT "ApplicationExtension_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationFee" ADD CONSTRAINT "ApplicationFee_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DisclosureApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- The case history is append-only (hand-written).
CREATE OR REPLACE FUNCTION application_event_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '申请办理记录只能追加，不能修改或删除' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ApplicationEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "ApplicationEvent"
  FOR EACH ROW EXECUTE FUNCTION application_event_immutable();
CREATE TRIGGER "ApplicationEvent_no_truncate" BEFORE TRUNCATE ON "ApplicationEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION application_event_immutable();
