import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidTransitionError, NotFoundError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/actions";
import { confirmApplication } from "@/lib/requests/confirm-application";
import { createApplication } from "@/lib/requests/create-application";
import { assignApplication } from "@/lib/requests/assign-application";
import { startReview } from "@/lib/requests/review-application";
import { withdrawApplication } from "@/lib/requests/close-case";
import { decideExtension, requestExtension } from "@/lib/requests/extension";
import { draftReply, signReply } from "@/lib/requests/reply";
import { submitCorrectionOnline } from "@/lib/requests/public-correction";
import { loadCase } from "@/lib/requests/queries";
import { personInput } from "@/lib/requests/sample-input";
import { makeActor } from "../helpers/actors";
import { at, handedIn, inProgress, office, statusOf } from "./requests-helpers";

const refusals = (entityId: string, action: AuditAction) =>
  db().auditLog.findMany({ where: { entityId, action, outcome: "REFUSED" }, select: { actorId: true, detail: true } });

describe("case verbs: the outsider is refused and audited, the rightful user gets in", () => {
  it("confirm: another department's clerk gets 404, a reviewer 403 — both audited; the clerk confirms", async () => {
    const o = await office();
    const a = await createApplication(personInput(o.dept.id), { now: at("2026-03-02") });
    await expect(confirmApplication(o.outsider, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmApplication(o.reviewer, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);
    const refused = await refusals(a.id, "request.confirm");
    expect(refused.map((r) => r.actorId).sort()).toEqual([o.outsider.id, o.reviewer.id].sort());
    expect(await statusOf(a.id)).toBe("PENDING_CONFIRMATION");
    await confirmApplication(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    expect(await statusOf(a.id)).toBe("REGISTERED");
    const done = await db().auditLog.findMany({ where: { entityId: a.id, action: "request.confirm", outcome: "OK" } });
    expect(done.map((x) => x.actorId)).toEqual([o.clerk.id]);
  });

  it("a state refusal is audited too, and changes nothing", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    const version = (await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } })).version;
    await expect(confirmApplication(o.clerk, { id: a.id })).rejects.toBeInstanceOf(InvalidTransitionError);
    const refused = await refusals(a.id, "request.confirm");
    expect(refused).toHaveLength(1);
    expect(refused[0]?.detail).toContain("已登记");
    expect((await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(version);
  });

  it("start review and withdraw: outsider 404 (audited), clerk in scope succeeds", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await expect(startReview(o.outsider, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await refusals(a.id, "request.start-review")).toHaveLength(1);
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    await expect(withdrawApplication(o.outsider, { id: a.id, reason: "电话撤回" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await refusals(a.id, "request.withdraw")).toHaveLength(1);
    await withdrawApplication(o.clerk, { id: a.id, reason: "申请人电话撤回" }, { now: at("2026-03-03") });
    expect(await statusOf(a.id)).toBe("WITHDRAWN");
  });

  it("assign: the county office's clerk (a parent department) may hand a bureau's case on; a sibling bureau may not", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    const countyClerk = await makeActor(["CLERK"], o.gov.id);
    await expect(assignApplication(o.outsider, { id: a.id, departmentId: o.other.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await refusals(a.id, "request.assign")).toHaveLength(1);
    await assignApplication(countyClerk, { id: a.id, departmentId: o.other.id }, { now: at("2026-03-02") });
    const moved = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id }, select: { departmentId: true } });
    expect(moved.departmentId).toBe(o.other.id);
    // Now the bureau that handed it on is the outsider.
    await expect(startReview(o.clerk, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    await startReview(o.outsider, { id: a.id }, { now: at("2026-03-03") });
  });

  it("sign: separation of duties is refused by the verb and shown by the page, from the same policy", async () => {
    const o = await office();
    const drafterDirector = await makeActor(["CLERK", "DIRECTOR"], o.dept.id);
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const d = await draftReply(drafterDirector, {
      id: a.id,
      decision: {
        replyType: "NOT_EXIST",
        subReason: "NOT_HELD",
        explanation: "经检索本机关未制作该信息",
        searchRecord: "检索了2023—2025年发文目录",
      },
    });
    const own = await loadCase(drafterDirector, a.id);
    expect(own.allowed.has("signReply")).toBe(false);
    expect(own.policy.signReply).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
    await expect(signReply(drafterDirector, { id: a.id, contentHash: d.contentHash })).rejects.toBeInstanceOf(ForbiddenError);
    const refused = await refusals(a.id, "request.reply-sign");
    expect(refused.map((r) => r.actorId)).toEqual([drafterDirector.id]);
    expect(await statusOf(a.id)).toBe("REPLY_DRAFTED");

    const other = await loadCase(o.director, a.id);
    expect(other.allowed.has("signReply")).toBe(true);
    await signReply(o.director, { id: a.id, contentHash: d.contentHash }, { now: at("2026-03-10") });
    expect(await statusOf(a.id)).toBe("REPLY_SIGNED");
  });

  it("extension: the requester cannot approve their own request; another director can", async () => {
    const o = await office();
    const clerkDirector = await makeActor(["CLERK", "DIRECTOR"], o.dept.id);
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    await requestExtension(clerkDirector, { id: a.id, days: 10, reason: "需要调取档案" }, { now: at("2026-03-05") });
    await expect(decideExtension(clerkDirector, { id: a.id, approve: true }, { now: at("2026-03-05") })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(decideExtension(o.outsiderDirector, { id: a.id, approve: true }, { now: at("2026-03-05") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await refusals(a.id, "request.extension-decide")).map((r) => r.actorId).sort()).toEqual(
      [clerkDirector.id, o.outsiderDirector.id].sort(),
    );
    await decideExtension(o.director, { id: a.id, approve: true }, { now: at("2026-03-05") });
    expect(await statusOf(a.id)).toBe("EXTENDED");
  });

  it("the page offers exactly the verbs the policy allows this actor", async () => {
    const o = await office();
    const a = await createApplication(personInput(o.dept.id), { now: at("2026-03-02") });
    const asClerk = await loadCase(o.clerk, a.id, at("2026-03-02"));
    expect([...asClerk.allowed].sort()).toEqual(["assign", "attach", "closeUnconfirmed", "confirm"]);
    const asDirector = await loadCase(o.director, a.id, at("2026-03-02"));
    expect([...asDirector.allowed]).toEqual([]);
    // A parent department acts on its bureaus' cases (department scope: own and below).
    const overseer = await makeActor(["CLERK"], o.gov.id);
    const overseen = await loadCase(overseer, a.id, at("2026-03-02"));
    expect(overseen.allowed.has("confirm")).toBe(true);
  });
});

describe("public verbs", () => {
  it("an online correction refused for its state is not audited (anyone can try), nothing changes", async () => {
    const o = await office();
    const a = await createApplication(personInput(o.dept.id), { now: at("2026-03-02") });
    await expect(submitCorrectionOnline(a.id, "补充说明")).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await db().auditLog.count({ where: { entityId: a.id, action: "request.correction-online" } })).toBe(0);
    expect(await statusOf(a.id)).toBe("PENDING_CONFIRMATION");
  });

  it("an online submission is audited as request.create with the client's address", async () => {
    const o = await office();
    const a = await createApplication(personInput(o.dept.id), { now: at("2026-03-02"), ip: "10.9.9.9" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: a.id, action: "request.create" } });
    expect(audit).toMatchObject({ ip: "10.9.9.9", actorId: null, outcome: "OK" });
  });
});
