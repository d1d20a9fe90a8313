import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { publishItem } from "@/lib/disclosure/publish-item";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { GET as getFees } from "@/app/api/v1/fees/route";
import { GET as getLeaders } from "@/app/api/v1/leaders/route";
import { GET as getService } from "@/app/api/v1/services/[id]/route";
import { GET as getDepartments } from "@/app/api/v1/departments/route";
import { leadersAsOf } from "@/lib/structured/leaders";
import { currentRecords, publishedHistory } from "@/lib/structured/queries";
import { rulesDocuments, RULES_CATEGORY_CODE } from "@/lib/structured/rules-documents";
import { createStructured, editStructured } from "@/lib/structured/save-structured";
import { seedPublishedItem } from "@/lib/seed/structured-items";
import { makeActor } from "../helpers/actors";

// History: 领导分工 as of a date across edits and withdrawals, the 公开指南's generated
// snapshot and its versions, the 公开制度 list, and the read-only JSON endpoints.

let govId: string, officeId: string, bureauId: string;
let clerk: SessionUser, reviewer: SessionUser, director: SessionUser;
let oClerk: SessionUser, oReviewer: SessionUser, oDirector: SessionUser;

const at = (d: string) => ({ now: new Date(`${d}T10:00:00+08:00`) });

async function hashOf(itemId: string) {
  const i = await db().disclosureItem.findUniqueOrThrow({ where: { id: itemId }, select: { workingRevision: { select: { hash: true } } } });
  return i.workingRevision!.hash;
}

async function publish(itemId: string, on: string, team = { clerk, reviewer, director }) {
  await submitItem(team.clerk, itemId);
  await reviewItem(team.reviewer, itemId, { decision: "CLEAR", expectedRevisionHash: await hashOf(itemId) });
  await signItem(team.director, itemId, { expectedRevisionHash: await hashOf(itemId) });
  await publishItem(team.clerk, itemId, { expectedRevisionHash: await hashOf(itemId) }, at(on));
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  govId = (await createDepartment(db(), { kind: "GOVERNMENT", name: "历史县人民政府" })).id;
  officeId = (
    await createDepartment(db(), {
      kind: "OFFICE",
      parentId: govId,
      name: "历史县人民政府办公室",
      address: "历史县人民路1号",
      postalCode: "310000",
      officeHours: "工作日 8:30—17:30",
      phone: "0571-1234567",
      fax: "0571-1234568",
      email: "gk@example.cn",
    })
  ).id;
  bureauId = (await createDepartment(db(), { parentId: govId, name: "历史县教育局", address: "历史县学院路2号", phone: "0571-7654321" }))
    .id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
  oClerk = await makeActor(["CLERK"], officeId);
  oReviewer = await makeActor(["REVIEWER"], officeId);
  oDirector = await makeActor(["DIRECTOR"], officeId);
});

describe("领导分工 as of a date", () => {
  const leader = (o: Record<string, unknown> = {}) => ({
    departmentId: bureauId,
    name: "赵六",
    title: "副局长",
    duties: "分管基础教育。",
    oversees: [],
    termStart: "2023-01-01",
    ...o,
  });
  const duties = async (date: string | null, itemId: string) => (await leadersAsOf(date)).find((l) => l.itemId === itemId)?.duties ?? null;

  it("shows each date's signed-off 分工, and a withdrawn record only before its withdrawal", async () => {
    const l = await createStructured(clerk, "LEADER", leader());
    await publish(l.id, "2024-03-01");
    await editStructured(clerk, l.id, leader({ duties: "分管职业教育和教师队伍建设。" }), { baseRevisionId: l.revisionId });
    await publish(l.id, "2025-03-01");
    expect(await duties("2024-02-29", l.id)).toBeNull(); // not yet published then
    expect(await duties("2024-06-01", l.id)).toBe("分管基础教育。");
    expect(await duties("2025-06-01", l.id)).toBe("分管职业教育和教师队伍建设。");
    expect(await duties(null, l.id)).toBe("分管职业教育和教师队伍建设。");

    await withdrawItem(director, l.id, { reason: "EXPIRED", note: "职务调整" }, at("2025-09-01"));
    expect(await duties(null, l.id)).toBeNull();
    expect(await duties("2025-10-01", l.id)).toBeNull();
    expect(await duties("2025-06-01", l.id)).toBe("分管职业教育和教师队伍建设。");
  });

  it("forgets a record withdrawn as published in error, at every date", async () => {
    const l = await createStructured(clerk, "LEADER", leader({ name: "误发" }));
    await publish(l.id, "2024-03-01");
    expect(await duties("2024-06-01", l.id)).toBe("分管基础教育。");
    await withdrawItem(director, l.id, { reason: "PUBLISHED_IN_ERROR" }, at("2024-07-01"));
    expect(await duties("2024-06-01", l.id)).toBeNull();
  });

  it("answers /api/v1/leaders with the as-of date, and 400 for a bad one", async () => {
    const ok = await getLeaders(new Request(`http://x/api/v1/leaders?department=${bureauId}&date=2024-06-01`));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { date: string; leaders: Array<{ name: string; duties: string }> };
    expect(body.date).toBe("2024-06-01");
    expect(body.leaders.map((x) => x.name)).toEqual(["赵六"]);
    const bad = await getLeaders(new Request("http://x/api/v1/leaders?date=2024-02-30"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("YYYY-MM-DD");
  });
});

describe("政府信息公开指南", () => {
  const prose = {
    departmentId: "",
    intro: "本指南说明。",
    proactiveChannels: "门户网站。",
    requestNotes: "可以在线申请。",
    feesPolicy: "不收费。",
    remedies: "",
  };

  it("generates categories, the disclosure office and the on-request points from live data; versioned", async () => {
    const g = await createStructured(oClerk, "GUIDE", { ...prose, departmentId: govId });
    const row = await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: g.revisionId } });
    const data = row.data as {
      categories: Array<{ code: string }>;
      office: Record<string, string>;
      requestPoints: Array<{ name: string }>;
    };
    expect(data.categories.map((c) => c.code)).toEqual(expect.arrayContaining(["A02", "A08", "A1501"]));
    expect(data.office).toMatchObject({
      name: "历史县人民政府办公室",
      address: "历史县人民路1号",
      phone: "0571-1234567",
      fax: "0571-1234568",
      email: "gk@example.cn",
    });
    expect(data.requestPoints.map((p) => p.name)).toEqual(expect.arrayContaining(["历史县人民政府办公室", "历史县教育局"]));
    const team = { clerk: oClerk, reviewer: oReviewer, director: oDirector };
    await publish(g.id, "2025-01-02", team);

    // The office moves; the next version's snapshot follows the live data.
    await db().department.update({ where: { id: officeId }, data: { address: "历史县新区大道8号" } });
    await editStructured(
      oClerk,
      g.id,
      { ...prose, departmentId: govId, intro: "本指南（2025年修订）说明。" },
      { baseRevisionId: g.revisionId },
    );
    // Not public until signed off: the current version still has the old address.
    expect((await currentRecords("GUIDE")).find((r) => r.meta.itemId === g.id)?.data.office.address).toBe("历史县人民路1号");
    await publish(g.id, "2025-06-01", team);
    const current = (await currentRecords("GUIDE")).find((r) => r.meta.itemId === g.id)!;
    expect(current.data.office.address).toBe("历史县新区大道8号");
    expect(current.meta.publishedAt).toBe(new Date("2025-06-01T10:00:00+08:00").toISOString());
    const versions = (await publishedHistory("GUIDE")).filter((h) => h.itemId === g.id);
    expect(versions.map((v) => v.data.intro)).toEqual(["本指南说明。", "本指南（2025年修订）说明。"]);
  });

  it("is issued in a government's name only", async () => {
    const e = await createStructured(oClerk, "GUIDE", { ...prose, departmentId: officeId }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain("人民政府");
  });
});

describe("政府信息公开制度", () => {
  it("lists the published items of the rules category, newest first", async () => {
    const mk = (title: string, d: string) =>
      seedPublishedItem(db(), {
        categoryCode: RULES_CATEGORY_CODE,
        title,
        documentNumber: `历政办〔${d.slice(0, 4)}〕1号`,
        summary: "制度。",
        body: "<p>制度</p>",
        departmentId: officeId,
        author: oClerk,
        publishedAt: new Date(`${d}T02:00:00Z`),
      });
    await mk("历史县政府信息公开保密审查制度", "2023-03-15");
    await mk("历史县政府信息依申请公开工作规程", "2024-03-15");
    await seedPublishedItem(db(), {
      categoryCode: "A0102",
      title: "不是制度的文件",
      documentNumber: null,
      summary: "s",
      body: "<p>b</p>",
      departmentId: officeId,
      author: oClerk,
      publishedAt: new Date(),
    });
    const docs = await rulesDocuments();
    expect(docs.map((d) => d.title)).toEqual(["历史县政府信息依申请公开工作规程", "历史县政府信息公开保密审查制度"]);
    expect(docs[0]).toMatchObject({ documentNumber: "历政办〔2024〕1号", publisher: "历史县人民政府办公室", withdrawn: false });
  });
});

describe("read-only JSON endpoints", () => {
  it("/api/v1/fees, /api/v1/services/{id} and /api/v1/departments answer published data only", async () => {
    const f = await createStructured(clerk, "FEE", {
      name: "接口测试费",
      departmentId: bureauId,
      legalBases: [{ title: "通知", documentNumber: "历发〔2025〕3号" }],
      amount: "8",
      unit: "次",
      payer: "申请人",
      validFrom: "2025-01-01",
    });
    const names = async () =>
      (
        (await (await getFees(new Request(`http://x/api/v1/fees?department=${bureauId}`))).json()) as { fees: Array<{ name: string }> }
      ).fees.map((x) => x.name);
    expect(await names()).toEqual([]);
    await publish(f.id, "2025-01-02");
    const res = await getFees(new Request(`http://x/api/v1/fees?department=${bureauId}&current=1`));
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await res.json()) as { fees: Array<{ name: string; standard: string; withdrawn: boolean }> }).fees).toEqual([
      expect.objectContaining({ name: "接口测试费", standard: "8.00 元/次", withdrawn: false }),
    ]);
    const missing = await getService(new Request("http://x/api/v1/services/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    const depts = await getDepartments();
    expect(depts.status).toBe(200);
  });
});
