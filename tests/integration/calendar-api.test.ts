import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET } from "@/app/api/v1/calendar/working-days/route";
import { addWorkingDaysDb } from "@/lib/calendar/load-calendar";
import { seedCalendar } from "@/lib/seed/seed-calendar";

const call = async (qs: string) => {
  const res = await GET(new Request(`http://localhost/api/v1/calendar/working-days${qs}`));
  const body: unknown = await res.json();
  return { status: res.status, body };
};

beforeAll(async () => {
  await seedCalendar(db());
});

describe("GET /api/v1/calendar/working-days", () => {
  it("200: 2026-09-30 + 20 working days", async () => {
    const { status, body } = await call("?from=2026-09-30&add=20");
    expect(status).toBe(200);
    const expected = await addWorkingDaysDb("2026-09-30", 20);
    expect(body).toMatchObject({
      from: "2026-09-30",
      add: 20,
      region: "national",
      due: expected.due,
      provisional: false,
      skipped: expected.skipped,
    });
    expect(expected.due).toBe("2026-11-03");
    expect(expected.skipped[0]).toEqual({ date: "2026-10-01", reason: "国庆节" });
    expect(body).toHaveProperty("makeupDays", [{ date: "2026-10-10", reason: "调休上班（国庆节）" }]);
  });

  it("200: a local region and a provisional answer for 2027", async () => {
    const local = await call("?from=2026-03-19&add=1&region=xinjiang");
    expect(local.body).toMatchObject({ due: "2026-03-23", region: "xinjiang" });
    const later = await call("?from=2026-12-28&add=10");
    expect(later.status).toBe(200);
    expect(later.body).toHaveProperty("provisional", true);
  });

  it.each([
    ["", { from: ["请填写起算日期"], add: ["请填写工作日数"] }],
    ["?from=2026-02-30&add=5", { from: ["起算日期不是有效的日期"] }],
    ["?from=30/09/2026&add=5", { from: ["起算日期格式应为 YYYY-MM-DD"] }],
    ["?from=2026-09-30&add=0", { add: ["工作日数须在 1–365 之间"] }],
    ["?from=2026-09-30&add=366", { add: ["工作日数须在 1–365 之间"] }],
    ["?from=2026-09-30&add=2.5", { add: ["工作日数须为整数"] }],
    ["?from=2026-09-30&add=abc", { add: ["工作日数须为整数"] }],
    ["?from=2026-09-30&add=5&region=atlantis", { region: ["未知的地区"] }],
    ["?from=2026-09-30&add=5&region=" + "x".repeat(500), { region: ["未知的地区"] }],
  ])("400 for %s", async (qs, fieldErrors) => {
    const { status, body } = await call(qs);
    expect(status).toBe(400);
    expect(body).toEqual({ error: "查询参数有误", fieldErrors });
  });
});
