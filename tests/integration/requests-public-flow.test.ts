import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDepartment } from "@/lib/seed/factories";
import { makeActor } from "@/tests/helpers/actors";
import { residentIdCheckChar } from "@/lib/requests/rules/identity";
import { hashQueryCode } from "@/lib/requests/numbers";
import { submitApplicationOnline } from "@/lib/requests/public-submit";
import { CASE_NOT_FOUND_MESSAGE, openCaseWithCode } from "@/lib/requests/public-access";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { submitCorrectionOnline } from "@/lib/requests/public-correction";
import { RateLimitedError, SUBMIT_LIMIT, TRACK_FAILURES_PER_NUMBER } from "@/lib/requests/rate-limit";
import { confirmApplication } from "@/lib/requests/confirm-application";
import { startReview } from "@/lib/requests/review-application";
import { requestCorrection } from "@/lib/requests/correction";
import { ValidationError } from "@/lib/errors";
import { acceptApplication } from "@/lib/requests/review-application";
import { draftReply, signReply } from "@/lib/requests/reply";
import { loadReplyLetter } from "@/lib/requests/public-status";
import { GET as getLetter } from "@/app/api/v1/requests/[trackingNo]/letter/route";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return out;
}
import { POST as postRequest } from "@/app/api/v1/requests/route";
import { GET as getRequest } from "@/app/api/v1/requests/[trackingNo]/route";

const ID17 = "11010519491231002";
const VALID_ID = ID17 + residentIdCheckChar(ID17);

let deptId: string;
const form = (over: Record<string, unknown> = {}) => ({
  applicantType: "NATURAL_PERSON",
  applicantName: "张三",
  idType: "RESIDENT_ID_CARD",
  idNumber: VALID_ID,
  phone: "13800138000",
  email: "",
  targetDepartmentId: deptId,
  description: "2025年城区道路改造工程立项批复文件",
  provisionForms: ["PAPER"],
  deliveryMethods: ["COLLECT"],
  ...over,
});

beforeAll(async () => {
  deptId = (await createDepartment(db(), { name: "青山县测试局" })).id;
});

describe("online submission", () => {
  it("creates a 待确认 application whose query code is stored only as a hash, and mails the code", async () => {
    const r = await submitApplicationOnline(form({ email: "zhang@example.com" }), { ip: "10.0.0.1" });
    expect(r.trackingNo).toMatch(/^YSQ-\d{4}-\d{6}$/);
    expect(r.queryCode).toMatch(/^[2-9A-Z]{10}$/);
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.status).toBe("PENDING_CONFIRMATION");
    expect(row.channel).toBe("ONLINE");
    expect(row.receiptDate).toBeNull();
    expect(row.queryCodeHash).toBe(hashQueryCode(r.trackingNo, r.queryCode));
    expect(JSON.stringify(row)).not.toContain(r.queryCode);
    // The mail is queued in the submission's own transaction (the outbox), sent after the commit.
    const mails = await db().outboundMail.findMany({ where: { applicationId: r.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "zhang@example.com", kind: "QUERY_CODE", status: "QUEUED" });
    expect(mails[0]?.text).toContain(r.queryCode);
    expect(mails[0]?.redact).toEqual([r.queryCode]);
    expect(r.emailed).toBe(true);
  });

  it("rejects invalid input with Chinese field errors and stores nothing", async () => {
    const before = await db().disclosureApplication.count();
    const err = await submitApplicationOnline(form({ idNumber: ID17 + "0", targetDepartmentId: "nope" }), { ip: "10.0.0.2" }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.idNumber[0]).toContain("校验位");
    const err2 = await submitApplicationOnline(form({ targetDepartmentId: "no-such-dept" }), { ip: "10.0.0.2" }).catch((e) => e);
    expect(err2.fieldErrors.targetDepartmentId[0]).toBe("请选择受理机关");
    expect(await db().disclosureApplication.count()).toBe(before);
  });

  it(`rate-limits submissions per IP (${SUBMIT_LIMIT} per hour), DB-backed`, async () => {
    for (let i = 0; i < SUBMIT_LIMIT; i++) await submitApplicationOnline(form(), { ip: "10.0.0.9" });
    await expect(submitApplicationOnline(form(), { ip: "10.0.0.9" })).rejects.toBeInstanceOf(RateLimitedError);
    // Another address is not affected.
    await expect(submitApplicationOnline(form(), { ip: "10.0.0.10" })).resolves.toBeTruthy();
  });
});

describe("tracking with number + query code", () => {
  it("the right code opens the case (待确认); a wrong code and an unknown number get the same answer", async () => {
    const r = await submitApplicationOnline(form(), { ip: "10.0.1.1" });
    const id = await openCaseWithCode(r.trackingNo.toLowerCase(), r.queryCode.toLowerCase(), "10.0.1.1");
    expect(id).toBe(r.id);
    const view = await loadPublicStatus(id);
    expect(view?.statusLabel).toBe("待确认");
    expect(view?.stage).toBe("REGISTRATION");
    expect(view?.deadline).toBeNull();
    expect(view?.deadlineNote).toContain("确认");

    const wrong = await openCaseWithCode(r.trackingNo, "AAAAAAAAAA", "10.0.1.1").catch((e) => e);
    const unknown = await openCaseWithCode("YSQ-2099-999999", r.queryCode, "10.0.1.1").catch((e) => e);
    expect(wrong.message).toBe(CASE_NOT_FOUND_MESSAGE);
    expect(unknown.message).toBe(CASE_NOT_FOUND_MESSAGE);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it(`blocks after ${TRACK_FAILURES_PER_NUMBER} failures per IP + number for 15 minutes, even with the right code`, async () => {
    const r = await submitApplicationOnline(form(), { ip: "10.0.2.1" });
    const now = new Date();
    for (let i = 0; i < TRACK_FAILURES_PER_NUMBER; i++) {
      await expect(openCaseWithCode(r.trackingNo, "WRONGCODE2", "10.0.2.2", now)).rejects.toThrow(CASE_NOT_FOUND_MESSAGE);
    }
    await expect(openCaseWithCode(r.trackingNo, r.queryCode, "10.0.2.2", now)).rejects.toBeInstanceOf(RateLimitedError);
    // Another address still gets in; after the window the first one does too.
    await expect(openCaseWithCode(r.trackingNo, r.queryCode, "10.0.2.3", now)).resolves.toBe(r.id);
    const later = new Date(now.getTime() + 16 * 60 * 1000);
    await expect(openCaseWithCode(r.trackingNo, r.queryCode, "10.0.2.2", later)).resolves.toBe(r.id);
    const refused = await db().auditLog.count({ where: { action: "request.public-track-limited", ip: "10.0.2.2" } });
    expect(refused).toBe(1);
  });
});

describe("补正 answered online", () => {
  it("records the correction as received and restarts the 20-day clock from that day", async () => {
    const clerk = await makeActor(["CLERK"], deptId);
    const r = await submitApplicationOnline(form(), { ip: "10.0.3.1", now: new Date("2026-11-02T01:00:00Z") });
    await confirmApplication(clerk, { id: r.id }, { now: new Date("2026-11-02T02:00:00Z") });
    await startReview(clerk, { id: r.id }, { now: new Date("2026-11-02T03:00:00Z") });
    await requestCorrection(clerk, { id: r.id, items: ["请写明所需文件的年份"] }, { now: new Date("2026-11-03T02:00:00Z") });

    let view = await loadPublicStatus(r.id, new Date("2026-11-05T02:00:00Z"));
    expect(view?.correction?.open).toBe(true);
    expect(view?.correction?.items).toEqual(["请写明所需文件的年份"]);
    expect(view?.deadline?.due).toBeNull();

    await expect(submitCorrectionOnline(r.id, "   ", { ip: "10.0.3.1" })).rejects.toBeInstanceOf(ValidationError);
    const res = await submitCorrectionOnline(r.id, "需要2025年的批复文件", { ip: "10.0.3.1", now: new Date("2026-11-10T02:00:00Z") });
    expect(res.receivedOn).toBe("2026-11-10");

    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.status).toBe("UNDER_REVIEW");
    expect(row.correctionNote).toBe("需要2025年的批复文件");
    const ev = await db().applicationEvent.findFirst({ where: { applicationId: r.id, action: "RECEIVE_CORRECTION" } });
    expect(ev?.actorName).toContain("申请人");
    expect(await db().auditLog.count({ where: { action: "request.correction-online", entityId: r.id } })).toBe(1);

    view = await loadPublicStatus(r.id, new Date("2026-11-10T03:00:00Z"));
    expect(view?.deadline?.clockStart).toBe("2026-11-10");
    // 20 working days after Tue 2026-11-10 (no holidays in between): Tue 2026-12-08.
    expect(view?.deadline?.due).toBe("2026-12-08");
    expect(view?.correction?.open).toBe(false);
    // A second answer is refused: the correction is no longer awaited.
    await expect(submitCorrectionOnline(r.id, "再次补正", { ip: "10.0.3.1" })).rejects.toThrow("不需要补正");

    // No letter before sign-off; after it, only with the right code.
    expect(await loadReplyLetter(r.id)).toBeNull();
    const director = await makeActor(["DIRECTOR"], deptId);
    await acceptApplication(clerk, { id: r.id }, { now: new Date("2026-11-11T02:00:00Z") });
    const draft = await draftReply(
      clerk,
      { id: r.id, decision: { replyType: "DISCLOSE", accessInstructions: "随本告知书提供批复文件复印件" } },
      { now: new Date("2026-11-12T02:00:00Z") },
    );
    await signReply(director, { id: r.id, contentHash: draft.contentHash }, { now: new Date("2026-11-13T02:00:00Z") });
    view = await loadPublicStatus(r.id, new Date("2026-11-13T03:00:00Z"));
    expect(view?.reply?.letterAvailable).toBe(true);
    expect(view?.reply?.letterDate).toBe("2026-11-13");

    const hdr = (code: string) =>
      new Request(`http://localhost/api/v1/requests/${r.trackingNo}/letter`, {
        headers: { "x-query-code": code, "x-forwarded-for": "10.0.3.2" },
      });
    const denied = await getLetter(hdr("AAAAAAAAAA"), { params: Promise.resolve({ trackingNo: r.trackingNo }) });
    expect(denied.status).toBe(404);
    const pdf = await getLetter(hdr(r.queryCode), { params: Promise.resolve({ trackingNo: r.trackingNo }) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain(r.trackingNo);
    expect(text.replace(/\s+/g, "")).toContain("2026年11月13日");
  });
});

describe("JSON API", () => {
  const req = (url: string, init: Omit<RequestInit, "headers"> & { ip?: string; headers?: Record<string, string> } = {}) =>
    new Request(`http://localhost${url}`, {
      ...init,
      headers: { "content-type": "application/json", "x-forwarded-for": init.ip ?? "10.0.9.1", ...init.headers },
    });

  it("POST 201 with trackingNo + queryCode; 400 with Chinese fieldErrors; GET with the code; 404 identical for wrong code and unknown number", async () => {
    const bad = await postRequest(req("/api/v1/requests", { method: "POST", body: JSON.stringify({ ...form(), idNumber: "123" }) }));
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error).toContain("有误");
    expect(badBody.fieldErrors.idNumber[0]).toContain("18位");
    expect((await postRequest(req("/api/v1/requests", { method: "POST", body: "not json" }))).status).toBe(400);

    const ok = await postRequest(req("/api/v1/requests", { method: "POST", body: JSON.stringify(form()) }));
    expect(ok.status).toBe(201);
    const { trackingNo, queryCode } = await ok.json();
    expect(trackingNo).toMatch(/^YSQ-/);

    const got = await getRequest(req(`/api/v1/requests/${trackingNo}`, { headers: { "x-query-code": queryCode } }), {
      params: Promise.resolve({ trackingNo }),
    });
    expect(got.status).toBe(200);
    const view = await got.json();
    expect(view.statusLabel).toBe("待确认");
    expect(view.stages.map((s: { label: string }) => s.label)).toEqual(["登记", "审核", "办理", "答复", "归档"]);

    const wrong = await getRequest(req(`/api/v1/requests/${trackingNo}`, { headers: { "x-query-code": "AAAAAAAAAA" } }), {
      params: Promise.resolve({ trackingNo }),
    });
    const unknown = await getRequest(req(`/api/v1/requests/YSQ-2099-000001`, { headers: { "x-query-code": queryCode } }), {
      params: Promise.resolve({ trackingNo: "YSQ-2099-000001" }),
    });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it("GET answers 429 after too many failures", async () => {
    const no = "YSQ-2026-123456";
    let last: Response | null = null;
    for (let i = 0; i <= TRACK_FAILURES_PER_NUMBER; i++) {
      last = await getRequest(req(`/api/v1/requests/${no}`, { ip: "10.0.9.7", headers: { "x-query-code": "AAAAAAAAAA" } }), {
        params: Promise.resolve({ trackingNo: no }),
      });
    }
    expect(last?.status).toBe(429);
    expect(last?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await last!.json()).error).toContain("过多");
  });
});
