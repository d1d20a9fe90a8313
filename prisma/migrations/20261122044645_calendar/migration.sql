-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "CalendarRegion" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarRegion_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loadedById" TEXT,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("regionCode","year")
);

-- CreateIndex
CREATE INDEX "CalendarDay_date_idx" ON "CalendarDay"("date");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarDay_regionCode_date_key" ON "CalendarDay"("regionCode", "date");

-- AddForeignKey
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "CalendarRegion"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarYear" ADD CONSTRAINT "CalendarYear_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "CalendarRegion"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- The national region always exists (reference data, not demo data), so
-- loadCalendar() works on a fresh database before any schedule is loaded.
INSERT INTO "CalendarRegion" ("code", "name", "sortOrder") VALUES ('national', '全国', 0);
