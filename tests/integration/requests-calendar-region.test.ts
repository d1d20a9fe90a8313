import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { civilToDate } from "@/lib/calendar/db-dates";
import { invalidateCalendarCache } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { seedNationalCalendar } from "@/lib/seed/seed-calendar";
import { createDepartment } from "@/lib/seed/factories";
import { departmentFormSchema, UNKNOWN_CALENDAR_REGION_MESSAGE } from "@/lib/departments/department-schema";
import { saveDepartment } from "@/lib/departments/save-department";
import { departmentCalendars, requestCalendar } from "@/lib/requests/calendar";
import { listApplications, loadCase } from "@/lib/requests/queries";
import { loadDashboard } from "@/lib/requests/dashboard-data";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { requestCorrection } from "@/lib/requests/correction";
import { issueFeeNotice } from "@/lib/requests/fees";
import { startReview } from "@/lib/requests/review-application";
import { makeActor } from "../helpers/actors";
import { at, handedIn, inProgress, office } from "./requests-helpers";

// A local region (e.g. an autonomous prefecture) with two extra days off in
// March 2026 that the national calendar does not have (law §6).
const LOCAL = { code: "test-minzu", name: "测试自治州" };
const LOCAL_HOLIDAYS = ["2026-03-10", "2026-03-11"];

beforeAll(async () => {
  await seedNationalCalendar(db());
  await db().calendarRegion.create({ data: { ...LOCAL, sortOrder: 10 } });
  await db().calendarDay.createMany({
    data: LOCAL_HOLIDAYS.map((d) => ({ regionCode: LOCAL.code, date: civilToDate(d), kind: "HOLIDAY" as const, name: "民族节日" })),
  });
  await db().calendarYear.createMany({ data: [2025, 2026].map((year) => ({ regionCode: LOCAL.code, year, source: "测试" })) });
  invalidateCalendarCache();
});

async function twoOffices() {
  const o = await office();
  const local = await createDepartment(db(), { parentId: o.gov.id, name: "测试州民族宗教事务局", calendarRegion: LOCAL.code });
  const localClerk = await makeActor(["CLERK"], local.id);
  return { ...o, local, localClerk };
}

describe("case deadlines on the handling department's regional calendar", () => {
  it("a department in a local region gets a later reply due date for the same receipt date, alike on the staff case page and the public status", async () => {
    const o = await twoOffices();
    const nat = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const loc = await inProgress(o.localClerk, o.local.id, "2026-03-02");
    const now = at("2026-03-05");

    // 20 working days after Monday 2 March 2026: 30 March nationally; the two local days off move it to 1 April.
    const natCase = await loadCase(o.clerk, nat.id, now);
    const locCase = await loadCase(o.localClerk, loc.id, now);
    expect(natCase.clock).toMatchObject({ state: "RUNNING", due: "2026-03-30", provisional: false });
    expect(locCase.clock).toMatchObject({ state: "RUNNING", due: "2026-04-01", provisional: false });
    expect(locCase.clock.state !== "NOT_STARTED" && locCase.clock.deadline.remainingWorkingDays).toBe(
      natCase.clock.state !== "NOT_STARTED" ? natCase.clock.deadline.remainingWorkingDays : -1,
    );

    // The applicant sees the same dates as the staff.
    const natPublic = await loadPublicStatus(nat.id, now);
    const locPublic = await loadPublicStatus(loc.id, now);
    expect(natPublic?.deadline?.due).toBe("2026-03-30");
    expect(locPublic?.deadline?.due).toBe("2026-04-01");
    expect(locPublic?.deadline?.remainingWorkingDays).toBe(
      locCase.clock.state === "RUNNING" ? locCase.clock.deadline.remainingWorkingDays : null,
    );

    // Lists and the dashboard: each row on its own department's calendar.
    const overseer = await makeActor(["CLERK"], o.gov.id);
    const list = await listApplications(overseer, {}, now);
    const dueIn = (rows: Array<{ id: string; clock: { state: string } & Partial<{ due: string | null }> }>, id: string) =>
      rows.find((r) => r.id === id)?.clock.due;
    expect(dueIn(list.rows, nat.id)).toBe("2026-03-30");
    expect(dueIn(list.rows, loc.id)).toBe("2026-04-01");
    const dash = await loadDashboard(overseer, now);
    expect(dash.open.find((c) => c.id === nat.id)?.due).toBe("2026-03-30");
    expect(dash.open.find((c) => c.id === loc.id)?.due).toBe("2026-04-01");
  });

  it("case verbs count on the department's calendar too (补正 deadline, fee payment deadline)", async () => {
    const o = await twoOffices();
    const [natCal, locCal] = [await requestCalendar(), await requestCalendar(LOCAL.code)];
    expect(locCal.days.get("2026-03-10")).toEqual({ kind: "HOLIDAY", name: "民族节日" });

    // 补正 noticed on Monday 9 March (DEFAULT_CORRECTION_WORKING_DAYS = 15).
    const nat = await handedIn(o.clerk, o.dept.id, "2026-03-06");
    const loc = await handedIn(o.localClerk, o.local.id, "2026-03-06");
    await startReview(o.clerk, { id: nat.id }, { now: at("2026-03-06") });
    await startReview(o.localClerk, { id: loc.id }, { now: at("2026-03-06") });
    const items = ["请写明所需文件的名称或文号"];
    const natCorr = await requestCorrection(o.clerk, { id: nat.id, items }, { now: at("2026-03-09") });
    const locCorr = await requestCorrection(o.localClerk, { id: loc.id, items }, { now: at("2026-03-09") });
    expect(natCorr.deadline).toBe(addWorkingDays(natCal, "2026-03-09", 15).due);
    expect(locCorr.deadline).toBe(addWorkingDays(locCal, "2026-03-09", 15).due);
    expect(natCorr.deadline).toBe("2026-03-30");
    expect(locCorr.deadline).toBe("2026-04-01");
    expect((await loadPublicStatus(loc.id, at("2026-03-09")))?.correction?.deadline).toBe("2026-04-01");

    // Fee notice on Monday 9 March: 20 working days to pay (Qingming 4–6 April is off everywhere).
    const natFee = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const locFee = await inProgress(o.localClerk, o.local.id, "2026-03-02");
    const fee = { method: "PER_VOLUME" as const, pages: 120, paymentInstructions: "县财政非税收入专户", noticeDate: "2026-03-09" };
    const natDue = await issueFeeNotice(o.clerk, { id: natFee.id, ...fee }, { now: at("2026-03-09") });
    const locDue = await issueFeeNotice(o.localClerk, { id: locFee.id, ...fee }, { now: at("2026-03-09") });
    expect(natDue.dueOn).toBe("2026-04-07");
    expect(locDue.dueOn).toBe("2026-04-09");
    const staff = await loadCase(o.localClerk, locFee.id, at("2026-03-10"));
    const pub = await loadPublicStatus(locFee.id, at("2026-03-10"));
    expect(staff.deadlines.fee?.due).toBe("2026-04-09");
    expect(pub?.fee).toMatchObject({ paymentDueDate: "2026-04-09", paymentDueProvisional: false });
  });

  it("loads each distinct region once for many departments", async () => {
    const o = await twoOffices();
    const calendarOf = await departmentCalendars([o.dept.id, o.other.id, o.local.id, "no-such-department"]);
    expect(calendarOf(o.dept.id)).toBe(calendarOf(o.other.id));
    expect(calendarOf(o.local.id).region).toBe(LOCAL.code);
    expect(calendarOf("no-such-department").region).toBe("national");
  });

  it("before any national year is loaded, a local region still gets its own days on top of the bundled national schedule", async () => {
    const years = await db().calendarYear.findMany({ where: { regionCode: "national" } });
    await db().calendarYear.deleteMany({ where: { regionCode: "national" } });
    invalidateCalendarCache();
    try {
      const national = await requestCalendar();
      const local = await requestCalendar(LOCAL.code);
      expect(national.days.get("2026-10-01")?.kind).toBe("HOLIDAY");
      expect(national.days.has("2026-03-10")).toBe(false);
      expect(local.days.get("2026-10-01")?.kind).toBe("HOLIDAY");
      expect(local.days.get("2026-03-10")).toEqual({ kind: "HOLIDAY", name: "民族节日" });
      expect(local.loadedYears.has(2026)).toBe(true);
      expect(addWorkingDays(local, "2026-03-02", 20)).toMatchObject({ due: "2026-04-01", provisional: false });
    } finally {
      await db().calendarYear.createMany({ data: years });
      invalidateCalendarCache();
    }
  });
});

describe("department form: working-day calendar region", () => {
  const meta = { ip: "127.0.0.1" };
  const form = {
    name: "测试县统计局",
    shortName: "",
    code: "STAT000001",
    kind: "BUREAU",
    parentId: "",
    address: "",
    postalCode: "",
    officeHours: "",
    phone: "",
    fax: "",
    email: "",
    headName: "",
    sortOrder: "0",
  };

  it("offers the existing regions and refuses an unknown one with a Chinese message; nothing is saved", async () => {
    const admin = await makeActor(["ADMIN"]);
    const codes = (await db().calendarRegion.findMany({ select: { code: true } })).map((r) => r.code);
    const schema = departmentFormSchema(codes);

    const bad = schema.safeParse({ ...form, calendarRegion: "atlantis" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toEqual([expect.objectContaining({ path: ["calendarRegion"], message: UNKNOWN_CALENDAR_REGION_MESSAGE })]);
    expect(schema.safeParse({ ...form, calendarRegion: "" }).error?.issues[0]?.message).toBe("请选择工作日历地区");
    expect(schema.safeParse({ ...form, calendarRegion: "'; DROP" }).error?.issues[0]?.message).toBe("工作日历地区代码无效");

    // The verb checks again (a region could be submitted that the form never offered).
    const before = await db().department.count();
    const audits = await db().auditLog.count({ where: { action: "department.create", outcome: "OK" } });
    const input = departmentFormSchema(["atlantis", ...codes]).parse({ ...form, calendarRegion: "atlantis" });
    const err = await saveDepartment(admin, input, meta).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ fieldErrors: { calendarRegion: [UNKNOWN_CALENDAR_REGION_MESSAGE] } });
    expect(await db().department.count()).toBe(before);
    expect(await db().department.findUnique({ where: { code: form.code } })).toBeNull();
    expect(await db().auditLog.count({ where: { action: "department.create", outcome: "OK" } })).toBe(audits);
  });

  it("saves a local region, with before/after in the audit entry; new departments default to national", async () => {
    const admin = await makeActor(["ADMIN"]);
    const schema = departmentFormSchema([LOCAL.code, "national"]);
    const created = await saveDepartment(admin, schema.parse({ ...form, code: "STAT000002", calendarRegion: "national" }), meta);
    expect(created.calendarRegion).toBe("national");
    expect((await createDepartment(db())).calendarRegion).toBe("national");

    const updated = await saveDepartment(
      admin,
      schema.parse({ ...form, code: "STAT000002", id: created.id, calendarRegion: LOCAL.code }),
      meta,
    );
    expect(updated.calendarRegion).toBe(LOCAL.code);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "department.update", entityId: created.id } });
    expect(audit.before).toMatchObject({ calendarRegion: "national" });
    expect(audit.after).toMatchObject({ calendarRegion: LOCAL.code });
  });
});
