-- Hand-written: the FK below needs the national region. The calendar migration
-- inserted it and the code is fixed, but make sure anyway (no-op when present).
INSERT INTO "CalendarRegion" ("code", "name", "sortOrder") VALUES ('national', '全国', 0) ON CONFLICT ("code") DO NOTHING;

-- AlterTable (existing departments get the national calendar through the default)
ALTER TABLE "Department" ADD COLUMN     "calendarRegion" TEXT NOT NULL DEFAULT 'national';

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_calendarRegion_fkey" FOREIGN KEY ("calendarRegion") REFERENCES "CalendarRegion"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
