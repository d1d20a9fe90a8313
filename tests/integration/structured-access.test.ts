import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { GET as getPhoto } from "@/app/(public)/xxgk/leaders/photo/[id]/route";
import { GET as getLeader } from "@/app/api/v1/leaders/[id]/route";
import { GET as getLeaders } from "@/app/api/v1/leaders/route";
import { createStructured, editStructured } from "@/lib/structured/save-structured";
import { makeActor } from "../helpers/actors";
import { publishThroughWorkflow, workingHash } from "../helpers/publish";

// Who may create and edit structured disclosures (pairs: outsider refused with nothing stored
// and a REFUSED audit row, the rightful clerk allowed), one 机构职能 per department and one
// 公开指南 per government, leader photos served only once published, /api/v1/leaders/{id}.

let govId: string, officeId: string, bureauId: string, otherBureauId: string;
let clerk: SessionUser, reviewer: SessionUser, director: SessionUser, otherClerk: SessionUser;
let oClerk: SessionUser;

const fee = (o: Record<string, unknown> = {}) => ({
  name: "权限测试工本费",
  departmentId: bureauId,
  legalBases: [{ title: "关于测试收费的通知", documentNumber: "权发〔2025〕1号" }],
  amount: "10",
  unit: "件",
  payer: "申请人",
  validFrom: "2025-01-01",
  ...o,
});
const profile = (departmentId: string, o: Record<string, unknown> = {}) => ({
  departmentId,
  functions: "负责本行政区域内的相关工作。",
  address: "权限县人民路2号",
  officeHours: "工作日 8:30—17:30",
  phone: "0571-7654321",
  headName: "张三",
  ...o,
});
const prose = {
  intro: "本指南说明政府信息公开的有关事项。",
  proactiveChannels: "政府网站。",
  requestNotes: "可在线提交申请。",
  feesPolicy: "不收取费用。",
};

const hashOf = workingHash;
const publish = (itemId: string, team = { clerk, reviewer, director }) => publishThroughWorkflow(itemId, team);
const counts = async () => ({
  items: await db().disclosureItem.count(),
  records: await db().structuredRecord.count(),
  revisions: await db().structuredRevision.count(),
});
const refusals = (actorId: string, action: string) => db().auditLog.findMany({ where: { actorId, action, outcome: "REFUSED" } });

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  govId = (await createDepartment(db(), { kind: "GOVERNMENT", name: "权限县人民政府" })).id;
  officeId = (await createDepartment(db(), { kind: "OFFICE", parentId: govId, name: "权限县人民政府办公室" })).id;
  bureauId = (await createDepartment(db(), { parentId: govId, name: "权限县民政局" })).id;
  otherBureauId = (await createDepartment(db(), { parentId: govId, name: "权限县交通运输局" })).id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
  otherClerk = await makeActor(["CLERK"], otherBureauId);
  oClerk = await makeActor(["CLERK"], officeId);
  // The office is fully staffed like a real one, though only its clerk acts in these tests.
  await makeActor(["REVIEWER"], officeId);
  await makeActor(["DIRECTOR"], officeId);
});

describe("createStructured / editStructured authorization", () => {
  it("refuses another bureau's clerk on create: nothing stored, the refusal audited; the own clerk may", async () => {
    const before = await counts();
    const e = await createStructured(otherClerk, "FEE", fee()).catch((x) => x);
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    const audits = await refusals(otherClerk.id, "structured.create");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "Department", entityId: bureauId });

    const ok = await createStructured(clerk, "FEE", fee());
    expect((await db().structuredRecord.findUniqueOrThrow({ where: { itemId: ok.id } })).departmentId).toBe(bureauId);
    expect(await refusals(clerk.id, "structured.create")).toHaveLength(0);
  });

  it("refuses a REVIEWER on create: nothing stored, the refusal audited", async () => {
    const before = await counts();
    const e = await createStructured(reviewer, "FEE", fee({ name: "审查员试图新建的收费" })).catch((x) => x);
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    expect(await refusals(reviewer.id, "structured.create")).toHaveLength(1);
  });

  it("refuses another bureau's clerk and a REVIEWER on edit; the own clerk's edit is stored", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "编辑权限测试费" }));
    const before = await counts();
    const outsider = await editStructured(otherClerk, c.id, fee({ name: "编辑权限测试费", amount: "99" }), {
      baseRevisionId: c.revisionId,
    }).catch((x) => x);
    expect(outsider).toBeInstanceOf(NotFoundError);
    const rev = await editStructured(reviewer, c.id, fee({ name: "编辑权限测试费", amount: "98" }), { baseRevisionId: c.revisionId }).catch(
      (x) => x,
    );
    expect(rev).toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    expect(await hashOf(c.id)).toBe(c.revisionHash);
    expect(await refusals(otherClerk.id, "structured.edit")).toHaveLength(1);
    expect(await refusals(reviewer.id, "structured.edit")).toHaveLength(1);

    const ok = await editStructured(clerk, c.id, fee({ name: "编辑权限测试费", amount: "12" }), { baseRevisionId: c.revisionId });
    expect((await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: ok.revisionId } })).data).toMatchObject({
      amount: "12.00",
    });
    expect(await refusals(clerk.id, "structured.edit")).toHaveLength(0);
  });
});

describe("one 机构职能 per department, one 公开指南 per government", () => {
  it("refuses a second 机构职能 while one is not withdrawn; allows it after withdrawal", async () => {
    const first = await createStructured(clerk, "DEPARTMENT_PROFILE", profile(bureauId));
    const before = await counts();
    const e = await createStructured(clerk, "DEPARTMENT_PROFILE", profile(bureauId, { headName: "李四" })).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe("该机构已有机构职能记录，请修改现有记录");
    expect(e.fieldErrors.departmentId).toEqual(["该机构已有机构职能记录，请修改现有记录"]);
    expect(await counts()).toEqual(before);
    // Another department is not affected.
    await createStructured(otherClerk, "DEPARTMENT_PROFILE", profile(otherBureauId));

    await publish(first.id);
    await withdrawItem(director, first.id, { reason: "EXPIRED", note: "机构改革" });
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("WITHDRAWN");
    await createStructured(clerk, "DEPARTMENT_PROFILE", profile(bureauId, { headName: "李四" }));
  });

  it("refuses a second 公开指南 of one government", async () => {
    await createStructured(oClerk, "GUIDE", { ...prose, departmentId: govId });
    const before = await counts();
    const e = await createStructured(oClerk, "GUIDE", { ...prose, departmentId: govId, intro: "另一份指南。" }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe("该人民政府已有政府信息公开指南记录，请修改现有记录");
    expect(await counts()).toEqual(before);
  });
});

describe("leader photos", () => {
  const leader = { departmentId: bureauId, name: "赵六", title: "局长", duties: "主持全面工作。", oversees: [], termStart: "2022-01-01" };
  const photoOf = async (revisionId: string) =>
    ((await db().structuredRevision.findUniqueOrThrow({ where: { revisionId } })).data as { photoId: string }).photoId;
  const fetchPhoto = (id: string) => getPhoto(new Request(`http://x/xxgk/leaders/photo/${id}`), { params: Promise.resolve({ id }) });

  it("does not serve a draft's photo; serves it once published, with a short cache", async () => {
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#468" } })
      .png()
      .toBuffer();
    const c = await createStructured(clerk, "LEADER", { ...leader, departmentId: bureauId }, { photo: { name: "z.png", bytes: png } });
    const photoId = await photoOf(c.revisionId);
    const draft = await fetchPhoto(photoId);
    expect(draft.status).toBe(404);
    expect(draft.headers.get("cache-control")).toBe("no-store");

    await publish(c.id);
    const live = await fetchPhoto(photoId);
    expect(live.status).toBe(200);
    expect(live.headers.get("content-type")).toBe("image/jpeg");
    expect(live.headers.get("cache-control")).toBe("public, max-age=300");
    expect((await sharp(Buffer.from(await live.arrayBuffer())).metadata()).width).toBe(300);

    // A new photo in a pending edit stays private while the published one is still served.
    const png2 = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#a42" } })
      .png()
      .toBuffer();
    const e = await editStructured(
      clerk,
      c.id,
      { ...leader, departmentId: bureauId },
      { baseRevisionId: c.revisionId, meta: { photo: { name: "y.png", bytes: png2 } } },
    );
    const pending = await photoOf(e.revisionId);
    expect(pending).not.toBe(photoId);
    expect((await fetchPhoto(pending)).status).toBe(404);
    expect((await fetchPhoto(photoId)).status).toBe(200);
  });
});

describe("/api/v1/leaders", () => {
  it("gives each leader its 元数据, and /{id} answers one published record (404 for a draft)", async () => {
    const c = await createStructured(clerk, "LEADER", { ...leader(), name: "钱七", title: "副局长" });
    const draft = await getLeader(new Request(`http://x/api/v1/leaders/${c.id}`), { params: Promise.resolve({ id: c.id }) });
    expect(draft.status).toBe(404);
    await publish(c.id);
    const res = await getLeader(new Request(`http://x/api/v1/leaders/${c.id}`), { params: Promise.resolve({ id: c.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as {
      itemId: string;
      name: string;
      departmentName: string;
      meta: { indexNumber: string; validity: string; withdrawn: boolean };
    };
    const item = await db().disclosureItem.findUniqueOrThrow({ where: { id: c.id }, select: { indexNumber: true } });
    expect(body).toMatchObject({
      itemId: c.id,
      name: "钱七",
      departmentName: "权限县民政局",
      meta: { indexNumber: item.indexNumber, validity: "有效", withdrawn: false },
    });

    const list = (await (await getLeaders(new Request(`http://x/api/v1/leaders?department=${bureauId}`))).json()) as {
      leaders: Array<{ itemId: string; meta: { indexNumber: string; publishedAt: string | null } }>;
    };
    const mine = list.leaders.find((l) => l.itemId === c.id);
    expect(mine?.meta.indexNumber).toBe(item.indexNumber);
    expect(mine?.meta.publishedAt).not.toBeNull();
  });
});

function leader() {
  return { departmentId: bureauId, name: "孙八", title: "副局长", duties: "分管业务。", oversees: [], termStart: "2022-01-01" };
}
