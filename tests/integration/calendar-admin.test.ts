import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addWorkingDaysDb, loadCalendar } from "@/lib/calendar/load-calendar";
import { civilToDate } from "@/lib/calendar/db-dates";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import { removeCalendarDay } from "@/lib/calendar/remove-calendar-day";
import { importCalendarYear } from "@/lib/calendar/import-calendar-year";
import { markCalendarYear } from "@/lib/calendar/mark-calendar-year";
import { calendarDaySchema, calendarRegionSchema, importCalendarYearSchema, parseCalendarPaste } from "@/lib/calendar/schema";
import { saveCalendarRegion } from "@/lib/calendar/save-calendar-region";
import { calculateWorkingDays } from "@/lib/calendar/calculate-working-days";
import { seedCalendar } from "@/lib/seed/seed-calendar";
import { makeActor } from "../helpers/actors";

const meta = { ip: "198.51.100.7" };

async function yearRows(region: string, year: number) {
  const rows = await db().calendarDay.findMany({
    where: { regionCode: region, date: { gte: civilToDate(`${year}-01-01`), lt: civilToDate(`${year + 1}-01-01`) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true },
  });
  return rows.map((r) => `${r.date.toISOString().slice(0, 10)},${r.kind},${r.name}`);
}

beforeAll(async () => {
  await seedCalendar(db());
});

describe("calendar administration: authorization pairs", () => {
  it("refuses a clerk (audited) but lets an administrator add a day", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const input = { region: "national", date: "2026-07-01", kind: "HOLIDAY" as const, name: "测试假日" };

    await expect(saveCalendarDay(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().calendarDay.count({ where: { regionCode: "national", date: civilToDate("2026-07-01") } })).toBe(0);
    const refusal = await db().auditLog.findFirstOrThrow({ where: { actorId: clerk.id, outcome: "REFUSED" } });
    expect(refusal).toMatchObject({ action: "calendar.day.create", entityType: "CalendarDay", entityId: "national:2026-07-01" });

    const r = await saveCalendarDay(admin, input, meta);
    expect(r.created).toBe(true);
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: "calendar.day.create", entityId: "national:2026-07-01", outcome: "OK" },
    });
    expect(entry).toMatchObject({ actorId: admin.id, outcome: "OK", ip: meta.ip });
    expect(entry.after).toMatchObject({ date: "2026-07-01", kind: "HOLIDAY", name: "测试假日" });
  });

  it("refuses a clerk for import, removal and marking a year, and lets an administrator do each", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const imp = { region: "national", year: 2031, source: "paste" as const, text: "2031-01-01,HOLIDAY,元旦", markLoaded: true };
    await expect(importCalendarYear(clerk, imp, meta)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markCalendarYear(clerk, { region: "national", year: 2031, loaded: true }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeCalendarDay(clerk, { region: "national", date: "2026-10-10" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await yearRows("national", 2031)).toEqual([]);
    expect(await db().calendarYear.count({ where: { year: 2031 } })).toBe(0);
    expect(await db().calendarDay.count({ where: { regionCode: "national", date: civilToDate("2026-10-10") } })).toBe(1);
    const refused = (await db().auditLog.findMany({ where: { actorId: clerk.id, outcome: "REFUSED" }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(refused).toEqual(["calendar.year.import", "calendar.year.mark-loaded", "calendar.day.delete"]);

    await importCalendarYear(admin, imp, meta);
    expect(await yearRows("national", 2031)).toEqual(["2031-01-01,HOLIDAY,元旦"]);
    await markCalendarYear(admin, { region: "national", year: 2031, loaded: false }, meta);
    expect(await db().calendarYear.count({ where: { year: 2031 } })).toBe(0);
    await removeCalendarDay(admin, { region: "national", date: "2031-01-01" }, meta);
    expect(await yearRows("national", 2031)).toEqual([]);
    const actions = (await db().auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["calendar.year.import", "calendar.year.unmark-loaded", "calendar.day.delete"]);
  });
});

describe("calendar administration: authorization pairs for edits of existing rows", () => {
  it("refuses a clerk's change of a stored day and rename of a region (audited), and lets an administrator make both", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    await saveCalendarDay(admin, { region: "national", date: "2026-07-02", kind: "HOLIDAY", name: "原名称" }, meta);
    const day = () =>
      db().calendarDay.findUniqueOrThrow({ where: { regionCode_date: { regionCode: "national", date: civilToDate("2026-07-02") } } });
    const before = await day();
    const region = await db().calendarRegion.findUniqueOrThrow({ where: { code: "xinjiang" } });

    await expect(
      saveCalendarDay(clerk, { region: "national", date: "2026-07-02", kind: "WORKDAY", name: "越权" }, meta),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCalendarRegion(clerk, { code: "xinjiang", name: "越权改名" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await day()).toEqual(before);
    expect(await db().calendarRegion.findUniqueOrThrow({ where: { code: "xinjiang" } })).toEqual(region);
    const refused = await db().auditLog.findMany({ where: { actorId: clerk.id, outcome: "REFUSED" }, orderBy: { id: "asc" } });
    expect(refused.map((r) => `${r.action} ${r.entityId}`)).toEqual([
      "calendar.day.update national:2026-07-02",
      "calendar.region.update xinjiang",
    ]);

    expect(await saveCalendarDay(admin, { region: "national", date: "2026-07-02", kind: "WORKDAY", name: "新名称" }, meta)).toMatchObject({
      created: false,
      day: { kind: "WORKDAY", name: "新名称" },
    });
    expect(await saveCalendarRegion(admin, { code: "xinjiang", name: region.name }, meta)).toMatchObject({ created: false });
  });
});

describe("calendar administration: edits change computed deadlines", () => {
  it("an added holiday, its edit into 调休上班 and its removal each move the due date at once", async () => {
    const admin = await makeActor(["ADMIN"]);
    expect((await addWorkingDaysDb("2026-03-09", 1)).due).toBe("2026-03-10");

    await saveCalendarDay(admin, { region: "national", date: "2026-03-10", kind: "HOLIDAY", name: "临时假日" }, meta);
    const moved = await addWorkingDaysDb("2026-03-09", 1);
    expect(moved).toMatchObject({ due: "2026-03-11", skipped: [{ date: "2026-03-10", reason: "临时假日" }] });

    // Editing an existing date updates it (and is audited as an update with before/after).
    await saveCalendarDay(admin, { region: "national", date: "2026-03-14", kind: "WORKDAY", name: "临时调休" }, meta);
    expect((await addWorkingDaysDb("2026-03-13", 1)).due).toBe("2026-03-14");
    await saveCalendarDay(admin, { region: "national", date: "2026-03-14", kind: "HOLIDAY", name: "临时调休" }, meta);
    expect((await addWorkingDaysDb("2026-03-13", 1)).due).toBe("2026-03-16");
    const upd = await db().auditLog.findFirstOrThrow({ where: { action: "calendar.day.update", entityId: "national:2026-03-14" } });
    expect(upd.before).toMatchObject({ kind: "WORKDAY" });
    expect(upd.after).toMatchObject({ kind: "HOLIDAY" });

    await removeCalendarDay(admin, { region: "national", date: "2026-03-10" }, meta);
    expect((await addWorkingDaysDb("2026-03-09", 1)).due).toBe("2026-03-10");
    await expect(removeCalendarDay(admin, { region: "national", date: "2026-03-10" }, meta)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("marking 2027 loaded makes a deadline there no longer provisional", async () => {
    const admin = await makeActor(["ADMIN"]);
    expect((await addWorkingDaysDb("2026-12-25", 10)).provisional).toBe(true);
    await markCalendarYear(admin, { region: "national", year: 2027, loaded: true }, meta);
    expect((await addWorkingDaysDb("2026-12-25", 10)).provisional).toBe(false);
    const y = await db().calendarYear.findUniqueOrThrow({ where: { regionCode_year: { regionCode: "national", year: 2027 } } });
    expect(y).toMatchObject({ source: "管理员确认", loadedById: admin.id });
    await markCalendarYear(admin, { region: "national", year: 2027, loaded: false }, meta);
    expect((await addWorkingDaysDb("2026-12-25", 10)).provisional).toBe(true);
  });

  it("refuses a day in an unknown region", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(
      saveCalendarDay(admin, { region: "atlantis", date: "2026-01-05", kind: "HOLIDAY", name: "x" }, meta),
    ).rejects.toMatchObject({
      status: 400,
      fieldErrors: { region: ["未知的地区"] },
    });
  });
});

describe("calendar administration: local regions", () => {
  it("an administrator adds a region for local minority-nationality holidays; a clerk may not", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const input = calendarRegionSchema.parse({ code: " Yanbian ", name: "延边朝鲜族自治州", sortOrder: "20" });
    expect(input).toEqual({ code: "yanbian", name: "延边朝鲜族自治州", sortOrder: 20 });
    await expect(saveCalendarRegion(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().calendarRegion.count({ where: { code: "yanbian" } })).toBe(0);

    const r = await saveCalendarRegion(admin, input, meta);
    expect(r).toMatchObject({ created: true, region: { code: "yanbian", name: "延边朝鲜族自治州", sortOrder: 20 } });
    expect(await db().auditLog.count({ where: { action: "calendar.region.create", entityId: "yanbian", actorId: admin.id } })).toBe(1);

    // A new region inherits the national days but nothing is loaded for it yet: provisional.
    const before = await calculateWorkingDays({ from: "2026-09-02", add: "1", region: "yanbian" });
    expect(before).toMatchObject({ ok: true, answer: { due: "2026-09-03", provisional: true, region: "yanbian" } });
    // Its own holiday (州庆, 3 September) and year mark make the answer final.
    await importCalendarYear(
      admin,
      { region: "yanbian", year: 2026, source: "paste", text: "2026-09-03,HOLIDAY,自治州成立纪念日", markLoaded: true },
      meta,
    );
    const after = await calculateWorkingDays({ from: "2026-09-02", add: "1", region: "yanbian" });
    expect(after).toMatchObject({
      ok: true,
      answer: { due: "2026-09-04", provisional: false, skipped: [{ date: "2026-09-03", reason: "自治州成立纪念日" }] },
    });
    // The national calendar is untouched.
    expect((await addWorkingDaysDb("2026-09-02", 1)).due).toBe("2026-09-03");

    // Entering an existing code renames it (audited as an update).
    await saveCalendarRegion(admin, { code: "yanbian", name: "延边州" }, meta);
    expect(await db().calendarRegion.findUniqueOrThrow({ where: { code: "yanbian" } })).toMatchObject({ name: "延边州", sortOrder: 20 });
    expect(await db().auditLog.count({ where: { action: "calendar.region.update", entityId: "yanbian" } })).toBe(1);
  });

  it("refuses a bad code or a duplicate name with Chinese field errors, changing nothing", async () => {
    const admin = await makeActor(["ADMIN"]);
    const bad = calendarRegionSchema.safeParse({ code: "延边", name: "" });
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "code: 地区代码须为2–32位小写字母、数字或连字符，以字母开头（如 xinjiang、yanbian）",
      "name: 请填写地区名称",
    ]);
    const count = await db().calendarRegion.count();
    await expect(saveCalendarRegion(admin, { code: "xj2", name: "新疆维吾尔自治区" }, meta)).rejects.toMatchObject({
      fieldErrors: { name: ["已有名为“新疆维吾尔自治区”的地区（代码 xinjiang）"] },
    });
    expect(await db().calendarRegion.count()).toBe(count);
  });
});

describe("calendar administration: import", () => {
  it("imports a year from chinese-days, replacing that year's rows only", async () => {
    const admin = await makeActor(["ADMIN"]);
    const before2025 = await yearRows("national", 2025);
    await saveCalendarDay(admin, { region: "national", date: "2026-08-03", kind: "HOLIDAY", name: "多余的行" }, meta);
    const r = await importCalendarYear(admin, { region: "national", year: 2026, source: "chinese-days", text: "", markLoaded: true }, meta);
    expect(r.imported).toBe(39);
    expect(r.source).toMatch(/^chinese-days \d/);
    expect(await yearRows("national", 2026)).not.toContain("2026-08-03,HOLIDAY,多余的行");
    expect(await yearRows("national", 2025)).toEqual(before2025);
    expect((await addWorkingDaysDb("2026-09-30", 20)).due).toBe("2026-11-03");
  });

  it("refuses chinese-days for a year it does not cover, with a Chinese field error", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(
      importCalendarYear(admin, { region: "national", year: 2027, source: "chinese-days", text: "", markLoaded: true }, meta),
    ).rejects.toMatchObject({ fieldErrors: { year: [expect.stringContaining("chinese-days 没有 2027 年的放假安排")] } });
    expect(await db().calendarYear.count({ where: { regionCode: "national", year: 2027 } })).toBe(0);
    // chinese-days holds the national schedule only.
    await expect(
      importCalendarYear(admin, { region: "xinjiang", year: 2026, source: "chinese-days", text: "", markLoaded: true }, meta),
    ).rejects.toMatchObject({ fieldErrors: { source: ["chinese-days 只包含全国放假安排；地方节日请用粘贴列表导入"] } });
  });

  it("is all or nothing: one bad line rejects the whole paste and changes nothing", async () => {
    const admin = await makeActor(["ADMIN"]);
    await importCalendarYear(
      admin,
      { region: "xinjiang", year: 2027, source: "paste", text: "2027-03-10,HOLIDAY,肉孜节\n", markLoaded: false },
      meta,
    );
    const before = await yearRows("xinjiang", 2027);
    const okBefore = await db().auditLog.count({ where: { outcome: "OK" } });
    const text = [
      "2027-01-01,HOLIDAY,元旦",
      "2027-02-30,HOLIDAY,春节",
      "2028-01-01,HOLIDAY,元旦",
      "2027-01-02,SICK,x",
      "2027-01-01,WORKDAY,重复",
      "只有一列",
    ].join("\n");
    const err = await importCalendarYear(admin, { region: "xinjiang", year: 2027, source: "paste", text, markLoaded: true }, meta).catch(
      (e: unknown) => e,
    );
    if (!(err instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(err)}`);
    expect(err.message).toBe("导入内容有 5 处错误，未导入任何日期");
    expect(err.fieldErrors?.text).toEqual([
      "第 2 行：日期“2027-02-30”无效",
      "第 3 行：日期 2028-01-01 不在 2027 年",
      "第 4 行：类型须为 HOLIDAY 或 WORKDAY",
      "第 5 行：日期 2027-01-01 与第 1 行重复",
      "第 6 行：格式应为“YYYY-MM-DD,HOLIDAY|WORKDAY,名称”",
    ]);
    expect(await yearRows("xinjiang", 2027)).toEqual(before);
    expect(await db().calendarYear.count({ where: { regionCode: "xinjiang", year: 2027 } })).toBe(0);
    expect(await db().auditLog.count({ where: { outcome: "OK" } })).toBe(okBefore);
    // The refused import is on the record, with its reason.
    const refusal = await db().auditLog.findFirstOrThrow({
      where: { actorId: admin.id, action: "calendar.year.import", outcome: "REFUSED" },
    });
    expect(refusal.entityId).toBe("xinjiang:2027");
    expect(refusal.detail).toContain("导入内容有 5 处错误");
  });

  it("rolls the whole import back when the database refuses part of it", async () => {
    const admin = await makeActor(["ADMIN"]);
    const before = await yearRows("national", 2025);
    // A NUL byte passes validation but PostgreSQL refuses it in text: the
    // deletion of the year's rows that already ran must be rolled back too.
    const text = "2025-01-01,HOLIDAY,元旦\n2025-01-02,HOLIDAY,坏\u0000名称";
    await expect(
      importCalendarYear(admin, { region: "national", year: 2025, source: "paste", text, markLoaded: true }, meta),
    ).rejects.toThrow();
    expect(await yearRows("national", 2025)).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "calendar.year.import", actorId: admin.id } })).toBe(0);
  });

  it("pasted rows become the year's calendar, with a Chinese comma accepted", async () => {
    const admin = await makeActor(["ADMIN"]);
    await importCalendarYear(
      admin,
      {
        region: "national",
        year: 2028,
        source: "paste",
        text: "# 2028 测试\n2028-01-01,HOLIDAY,元旦\n\n2028-01-08，workday，调休",
        markLoaded: true,
      },
      meta,
    );
    expect(await yearRows("national", 2028)).toEqual(["2028-01-01,HOLIDAY,元旦", "2028-01-08,WORKDAY,调休"]);
    const cal = await loadCalendar();
    expect(cal.loadedYears.has(2028)).toBe(true);
    const y = await db().calendarYear.findUniqueOrThrow({ where: { regionCode_year: { regionCode: "national", year: 2028 } } });
    expect(y.source).toBe("手工导入");
  });
});

describe("calendar forms: zod validation in Chinese", () => {
  it("reports each field", () => {
    const r = calendarDaySchema.safeParse({ region: "", date: "2026-02-30", kind: "X", name: " " });
    expect(r.success).toBe(false);
    const msgs = r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toEqual(["region: 地区代码无效", "date: 日期不是有效的日期", "kind: 请选择类型（放假或调休上班）", "name: 请填写名称"]);
    expect(
      calendarDaySchema.safeParse({ region: "national", date: "26-1-1", kind: "HOLIDAY", name: "元旦" }).error?.issues[0]?.message,
    ).toBe("日期格式应为 YYYY-MM-DD");
  });

  it("requires pasted text for a paste import and a sensible year", () => {
    const r = importCalendarYearSchema.safeParse({ region: "national", year: "19", source: "paste", text: "" });
    const msgs = r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toEqual(["year: 年份须在 2000–2100 之间", "text: 请粘贴要导入的日期列表"]);
    expect(parseCalendarPaste("\n# nothing\n", 2027)).toEqual({ ok: false, errors: ["没有可导入的日期"] });
  });
});
