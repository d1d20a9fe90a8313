import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDepartment } from "@/lib/seed/factories";
import { makeActor } from "@/tests/helpers/actors";
import { residentIdCheckChar } from "@/lib/requests/rules/identity";
import { submitApplicationOnline } from "@/lib/requests/public-submit";
import { confirmApplication } from "@/lib/requests/confirm-application";
import { startReview } from "@/lib/requests/review-application";
import { requestCorrection } from "@/lib/requests/correction";
import { loadDashboard } from "@/lib/requests/dashboard-data";
import { ForbiddenError } from "@/lib/errors";

const ID17 = "11010519491231002";
const VALID_ID = ID17 + residentIdCheckChar(ID17);
const NOW = new Date("2026-11-19T02:00:00Z"); // Thursday
let ipSeq = 0;
const at = (day: string) => new Date(`${day}T02:00:00Z`);

let gov: string, office: string, bureauA: string, bureauB: string;
const ids: Record<string, string> = {};

async function apply(dept: string, day: string) {
  const r = await submitApplicationOnline(
    {
      applicantType: "NATURAL_PERSON",
      applicantName: "王五",
      idType: "RESIDENT_ID_CARD",
      idNumber: VALID_ID,
      phone: "13800138000",
      targetDepartmentId: dept,
      description: "某项政府信息的内容描述",
      provisionForms: ["PAPER"],
      deliveryMethods: ["COLLECT"],
    },
    { ip: `10.1.0.${++ipSeq}`, now: at(day) },
  );
  return r.id;
}

beforeAll(async () => {
  gov = (await createDepartment(db(), { kind: "GOVERNMENT", name: "测试县人民政府" })).id;
  office = (await createDepartment(db(), { kind: "OFFICE", name: "测试县政府办公室", parentId: gov })).id;
  bureauA = (await createDepartment(db(), { kind: "BUREAU", name: "测试县甲局", parentId: gov })).id;
  bureauB = (await createDepartment(db(), { kind: "BUREAU", name: "测试县乙局", parentId: gov })).id;
  const clerkA = await makeActor(["CLERK"], bureauA);
  const clerkB = await makeActor(["CLERK"], bureauB);

  ids.pendingA = await apply(bureauA, "2026-11-18");
  ids.overdueA = await apply(bureauA, "2026-09-01");
  await confirmApplication(clerkA, { id: ids.overdueA }, { now: at("2026-09-01") });
  ids.pausedA = await apply(bureauA, "2026-11-02");
  await confirmApplication(clerkA, { id: ids.pausedA }, { now: at("2026-11-02") });
  await startReview(clerkA, { id: ids.pausedA }, { now: at("2026-11-02") });
  await requestCorrection(clerkA, { id: ids.pausedA, items: ["请说明所需信息的年份"] }, { now: at("2026-11-03") });

  ids.dueSoonB = await apply(bureauB, "2026-10-23");
  await confirmApplication(clerkB, { id: ids.dueSoonB }, { now: at("2026-10-23") }); // due Fri 2026-11-20
  ids.freshB = await apply(bureauB, "2026-11-16");
  await confirmApplication(clerkB, { id: ids.freshB }, { now: at("2026-11-16") });
});

describe("request dashboard: counts per department scope", () => {
  it("a bureau clerk sees only their own department's cases", async () => {
    const clerk = await makeActor(["CLERK"], bureauA);
    const d = await loadDashboard(clerk, NOW);
    const seen = d.open.map((c) => c.id).sort();
    expect(seen).toEqual([ids.pendingA, ids.overdueA, ids.pausedA].sort());
    expect(d.totalOpen).toBe(3);
    expect(d.overdue.map((c) => c.id)).toEqual([ids.overdueA]);
    expect(d.paused.map((c) => c.id)).toEqual([ids.pausedA]);
    expect(d.dueSoon).toEqual([]);
    expect(Object.fromEntries(d.byStage.map((s) => [s.stage, s.count]))).toEqual({ REGISTRATION: 2, REVIEW: 1, PROCESSING: 0, REPLY: 0 });
    expect(d.pendingConfirmation).toBe(1);

    const clerkB = await makeActor(["DIRECTOR"], bureauB);
    const dB = await loadDashboard(clerkB, NOW);
    expect(dB.open.map((c) => c.id).sort()).toEqual([ids.dueSoonB, ids.freshB].sort());
    expect(dB.dueSoon.map((c) => c.id)).toEqual([ids.dueSoonB]);
    expect(dB.dueSoon[0]!.due).toBe("2026-11-20");
    expect(dB.overdue).toEqual([]);
  });

  it("the 政府办公室 sees every department's cases", async () => {
    const officeClerk = await makeActor(["CLERK"], office);
    const d = await loadDashboard(officeClerk, NOW);
    expect(d.totalOpen).toBe(5);
    expect(d.overdue.map((c) => c.id)).toEqual([ids.overdueA]);
    expect(d.dueSoon.map((c) => c.id)).toEqual([ids.dueSoonB]);
    expect(d.paused.map((c) => c.id)).toEqual([ids.pausedA]);
    expect(d.scopeLabel).toContain("全部");
    // One row per handling department, the one with overdue cases first.
    expect(d.byDepartment).toEqual([
      { departmentId: bureauA, name: "测试县甲局", open: 3, overdue: 1, dueSoon: 0, paused: 1 },
      { departmentId: bureauB, name: "测试县乙局", open: 2, overdue: 0, dueSoon: 1, paused: 0 },
    ]);
    // A bureau's own dashboard has only its own row.
    const clerkB = await makeActor(["CLERK"], bureauB);
    expect((await loadDashboard(clerkB, NOW)).byDepartment.map((r) => r.departmentId)).toEqual([bureauB]);
  });

  it("a user without request:read is refused", async () => {
    const admin = await makeActor(["ADMIN"], office);
    await expect(loadDashboard(admin, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
