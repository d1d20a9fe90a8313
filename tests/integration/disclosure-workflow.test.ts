import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { returnItem } from "@/lib/disclosure/return-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { reopenItem } from "@/lib/disclosure/reopen-item";
import { discardDraft } from "@/lib/disclosure/discard-draft";
import { scheduleItem, unscheduleItem } from "@/lib/disclosure/schedule-item";
import { parseIndexNumber } from "@/lib/disclosure/rules/index-number";
import type { SessionUser } from "@/lib/auth/session";
import { makeActor } from "@/tests/helpers/actors";

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

const item = (id: string) =>
  db().disclosureItem.findUniqueOrThrow({ where: { id }, include: { workingRevision: true, publishedRevision: true } });
const hashOf = async (id: string) => (await item(id)).workingRevision!.hash;
const refusedAudits = (id: string) => db().auditLog.findMany({ where: { entityType: "DisclosureItem", entityId: id, outcome: "REFUSED" } });

async function draft(values: Record<string, unknown> = {}, by: SessionUser = o.clerk) {
  return createItem(by, { values: itemValues(o.category.id, values) });
}

/** Drives an item to PENDING_SIGNOFF (submitted by clerk, cleared by reviewer). */
async function cleared(values: Record<string, unknown> = {}) {
  const c = await draft(values);
  await submitItem(o.clerk, c.id);
  await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  return c;
}

async function published(values: Record<string, unknown> = {}) {
  const c = await cleared(values);
  await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
  await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
  return c;
}

describe("creating an item", () => {
  it("stores a DRAFT with a revision, a stable 索引号 and an audit entry", async () => {
    const c = await draft();
    const it0 = await item(c.id);
    expect(it0.state).toBe("DRAFT");
    expect(parseIndexNumber(c.indexNumber).ok).toBe(true);
    expect(it0.workingRevision!.title).toBe("青山县财政局关于2025年度部门预算公开的说明");
    const c2 = await draft();
    const seq = (s: string) => Number(s.split("-").pop());
    expect(seq(c2.indexNumber)).toBe(seq(c.indexNumber) + 1);
    expect(await db().auditLog.count({ where: { entityId: c.id, action: "disclosure.create" } })).toBe(1);
  });

  it("rejects missing required fields with field errors and stores nothing", async () => {
    const before = await db().disclosureItem.count();
    const err = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "", summary: "" }) }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.title[0]).toContain("请填写标题");
    expect(await db().disclosureItem.count()).toBe(before);
  });

  it("sanitizes a body with <script>", async () => {
    const c = await draft({ body: '<p onclick="x()">正文</p><script>alert(1)</script>' });
    const rev = (await item(c.id)).workingRevision!;
    expect(rev.body).toBe("<p>正文</p>");
    // …and the clerk is told (the item page shows a notice after the redirect).
    expect(c.bodyCleaned).toBe(true);
    expect((await draft()).bodyCleaned).toBe(false);
    const e = await editItem(o.clerk, c.id, {
      values: itemValues(o.category.id, { body: '<p>正文</p><iframe src="https://x.example/"></iframe>' }),
      baseRevisionId: c.revisionId,
    });
    expect(e.bodyCleaned).toBe(true);
  });

  it("refuses a user without the draft permission", async () => {
    await expect(createItem(o.director, { values: itemValues(o.category.id) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the workflow", () => {
  it("一般信息: submit → review → director signs → publish", async () => {
    const c = await draft();
    await submitItem(o.clerk, c.id);
    expect((await item(c.id)).state).toBe("PENDING_REVIEW");
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash, comment: "经审查，可以公开" });
    expect((await item(c.id)).state).toBe("PENDING_SIGNOFF");
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash, comment: "同意发布" });
    const r = await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
    expect(r.state).toBe("PUBLISHED");
    const p = await item(c.id);
    expect(p.publishedRevisionId).toBe(p.workingRevisionId);
    expect(p.firstPublishedAt).not.toBeNull();
    const sig = await db().disclosureSignature.findFirstOrThrow({ where: { itemId: c.id } });
    expect(sig).toMatchObject({ signerId: o.director.id, role: "DIRECTOR", stepNo: 1, revisionHash: c.revisionHash, comment: "同意发布" });
  });

  it("重大信息 needs the principal after the director; publishing early is refused", async () => {
    const c = await cleared({ tier: "MAJOR" });
    await expect(signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未轮到您签发/);
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await expect(publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未完成签发/);
    await signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash });
    expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
  });

  it("特别重大 goes up to the parent government's principal", async () => {
    const c = await cleared({ tier: "CRITICAL" });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash });
    await signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash });
    expect((await publishItem(o.director, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
  });

  it("负面信息 follow the department's configured chain", async () => {
    await db().disclosureEscalationLevel.createMany({
      data: [
        { departmentId: o.bureau.id, level: 1, levelDepartmentId: o.bureau.id, role: "DIRECTOR" },
        { departmentId: o.bureau.id, level: 2, levelDepartmentId: o.gov.id, role: "PRINCIPAL" },
      ],
    });
    try {
      const c = await cleared({ negative: true });
      await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
      await expect(publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未完成签发/);
      await signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash });
      expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
    } finally {
      await db().disclosureEscalationLevel.deleteMany({ where: { departmentId: o.bureau.id } });
    }
  });

  it("重大+负面 with a chain lacking the bureau's principal still climbs: the bureau before the county", async () => {
    await db().disclosureEscalationLevel.createMany({
      data: [
        { departmentId: o.bureau.id, level: 1, levelDepartmentId: o.bureau.id, role: "DIRECTOR" },
        { departmentId: o.bureau.id, level: 2, levelDepartmentId: o.gov.id, role: "PRINCIPAL" },
      ],
    });
    try {
      const c = await cleared({ tier: "MAJOR", negative: true });
      await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
      await expect(signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未轮到您签发/);
      await signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash });
      await signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash });
      const sigs = await db().disclosureSignature.findMany({ where: { itemId: c.id }, orderBy: { signedAt: "asc" } });
      expect(sigs.map((x) => [x.stepNo, x.signerId])).toEqual([
        [1, o.director.id],
        [2, o.principal.id],
        [3, o.countyPrincipal.id],
      ]);
    } finally {
      await db().disclosureEscalationLevel.deleteMany({ where: { departmentId: o.bureau.id } });
    }
  });

  it("a chain edit during sign-off keeps the signatures already given (steps renumbered)", async () => {
    const admin = await makeActor(["ADMIN"], o.gov.id);
    const { saveEscalationChain } = await import("@/lib/disclosure/save-escalation-chain");
    await saveEscalationChain(admin, o.bureau.id, [`${o.bureau.id}:DIRECTOR`, `${o.gov.id}:PRINCIPAL`]);
    try {
      // Chain director → county principal; the county principal signs as step 2 …
      const c = await cleared({ negative: true });
      await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
      await signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash });
      // … then the admin adds the bureau's principal: the county is now step 3.
      await saveEscalationChain(admin, o.bureau.id, [`${o.bureau.id}:DIRECTOR`, `${o.bureau.id}:PRINCIPAL`, `${o.gov.id}:PRINCIPAL`]);
      await expect(publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未完成签发/);
      // Only the new level is left; the county principal's signature still counts.
      await signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash });
      expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
    } finally {
      await saveEscalationChain(admin, o.bureau.id, []);
    }
  });

  it("负面信息 without a configured chain go through every default level, in order", async () => {
    const c = await cleared({ negative: true });
    // Default chain: the bureau's director → its principal → the county's principal.
    await expect(signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未轮到您签发/);
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await expect(signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未轮到您签发/);
    await signItem(o.principal, c.id, { expectedRevisionHash: c.revisionHash });
    await expect(publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toThrow(/尚未完成签发/);
    await signItem(o.countyPrincipal, c.id, { expectedRevisionHash: c.revisionHash });
    expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
    const sigs = await db().disclosureSignature.findMany({ where: { itemId: c.id }, orderBy: { stepNo: "asc" } });
    expect(sigs.map((x) => [x.stepNo, x.signerId])).toEqual([
      [1, o.director.id],
      [2, o.principal.id],
      [3, o.countyPrincipal.id],
    ]);
  });

  it("退回 needs a comment, which is kept on the draft", async () => {
    const c = await draft();
    await submitItem(o.clerk, c.id);
    const err = await returnItem(o.reviewer, c.id, { comment: "  " }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    // A field-level message in Chinese, shown next to the comment box.
    expect(err.fieldErrors.comment[0]).toContain("请填写退回意见");
    expect((await refusedAudits(c.id)).length).toBeGreaterThan(0);
    await returnItem(o.reviewer, c.id, { comment: "请补充预算说明附件" });
    expect((await item(c.id)).state).toBe("DRAFT");
    const ev = await db().disclosureEvent.findFirstOrThrow({ where: { itemId: c.id, type: "RETURN" } });
    expect(ev.comment).toBe("请补充预算说明附件");
  });

  it("保密审查 不予公开 → withheld list with an Art. 18 due date, then re-review", async () => {
    const c = await draft();
    await submitItem(o.clerk, c.id);
    const bad = await reviewItem(o.reviewer, c.id, { decision: "WITHHOLD", expectedRevisionHash: c.revisionHash, exemptions: [] }).catch(
      (e) => e,
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors.exemptions[0]).toMatch(/请至少选择一项/);
    await reviewItem(o.reviewer, c.id, {
      decision: "WITHHOLD",
      expectedRevisionHash: c.revisionHash,
      exemptions: ["THIRD_PARTY"],
      comment: "涉及个人隐私",
    });
    const w = await item(c.id);
    expect(w.state).toBe("WITHHELD");
    expect(w.reassessmentDueOn).not.toBeNull();
    const rv = await db().disclosureReview.findFirstOrThrow({ where: { itemId: c.id } });
    expect(rv.exemptions).toEqual(["THIRD_PARTY"]);
    await reopenItem(o.reviewer2, c.id, { comment: "到期复查" });
    const r = await item(c.id);
    expect(r.state).toBe("PENDING_REVIEW");
    expect(r.reassessmentDueOn).toBeNull();
  });

  it("部分公开 makes a redacted revision, which is what gets published", async () => {
    const c = await draft({ body: "<p>公开部分</p><p>身份证号 330000199001011234</p>" });
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, {
      decision: "PARTIAL",
      expectedRevisionHash: c.revisionHash,
      exemptions: ["THIRD_PARTY"],
      redactedBody: "<p>公开部分</p><p>身份证号 [已删除]</p>",
    });
    const p = await item(c.id);
    expect(p.state).toBe("PENDING_SIGNOFF");
    expect(p.workingRevision!.redaction).toBe(true);
    expect(p.workingRevision!.body).toContain("[已删除]");
    // The reviewer who redacted may not sign, but the director signs the redacted hash.
    await signItem(o.director, c.id, { expectedRevisionHash: p.workingRevision!.hash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: p.workingRevision!.hash });
    expect((await item(c.id)).publishedRevision!.body).not.toContain("330000");
  });

  it("REFER keeps the item in review with the referral flagged", async () => {
    const c = await draft();
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, {
      decision: "REFER",
      expectedRevisionHash: c.revisionHash,
      comment: "涉及国防设施位置，提请县保密局审查",
    });
    const r = await item(c.id);
    expect(r.state).toBe("PENDING_REVIEW");
    expect(r.referralNote).toContain("保密局");
  });

  it("an edit after approval invalidates the signatures; the same director signs again", async () => {
    const c = await cleared({ tier: "MAJOR" });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await returnItem(o.principal, c.id, { comment: "数据需要更新" });
    const r = await editItem(o.clerk, c.id, {
      values: itemValues(o.category.id, { tier: "MAJOR", summary: "更新后的概述" }),
      baseRevisionId: c.revisionId,
    });
    expect(r.state).toBe("DRAFT");
    const sig = await db().disclosureSignature.findFirstOrThrow({ where: { itemId: c.id } });
    expect(sig.invalidatedAt).not.toBeNull();
    const h2 = await hashOf(c.id);
    expect(h2).not.toBe(c.revisionHash);
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: h2 });
    // The principal cannot jump ahead: step 1 must be signed again for the new content.
    await expect(signItem(o.principal, c.id, { expectedRevisionHash: h2 })).rejects.toThrow(/尚未轮到您签发/);
    await signItem(o.director, c.id, { expectedRevisionHash: h2 });
    await signItem(o.principal, c.id, { expectedRevisionHash: h2 });
    expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: h2 })).state).toBe("PUBLISHED");
  });

  it("a stale base revision is refused (two clerks editing at once)", async () => {
    const c = await draft();
    await editItem(o.clerk, c.id, { values: itemValues(o.category.id, { summary: "第一次修改" }), baseRevisionId: c.revisionId });
    await expect(
      editItem(o.clerk2, c.id, { values: itemValues(o.category.id, { summary: "第二次修改" }), baseRevisionId: c.revisionId }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("a new version keeps the old one live until it is signed off", async () => {
    const c = await published();
    const live = (await item(c.id)).publishedRevisionId;
    await editItem(o.clerk, c.id, {
      values: itemValues(o.category.id, { title: "关于2025年度部门预算公开的补充说明" }),
      baseRevisionId: c.revisionId,
    });
    let x = await item(c.id);
    expect(x.state).toBe("DRAFT");
    expect(x.publishedRevisionId).toBe(live);
    expect(x.cycle).toBe(1);
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: x.workingRevision!.hash });
    x = await item(c.id);
    expect(x.publishedRevisionId).toBe(live);
    await signItem(o.director, c.id, { expectedRevisionHash: x.workingRevision!.hash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: x.workingRevision!.hash });
    x = await item(c.id);
    expect(x.publishedRevisionId).toBe(x.workingRevisionId);
    expect(x.publishedRevision!.title).toBe("关于2025年度部门预算公开的补充说明");
  });

  it("放弃修改 restores the live version", async () => {
    const c = await published();
    await editItem(o.clerk, c.id, { values: itemValues(o.category.id, { summary: "不要了" }), baseRevisionId: c.revisionId });
    await discardDraft(o.clerk, c.id);
    const x = await item(c.id);
    expect(x.state).toBe("PUBLISHED");
    expect(x.workingRevisionId).toBe(x.publishedRevisionId);
  });

  it("schedule and unschedule", async () => {
    const c = await cleared();
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await expect(
      scheduleItem(o.clerk, c.id, { publishAt: new Date(Date.now() - 1000), expectedRevisionHash: c.revisionHash }),
    ).rejects.toThrow(/须晚于当前时间/);
    await scheduleItem(o.clerk, c.id, { publishAt: new Date(Date.now() + 3600_000), expectedRevisionHash: c.revisionHash });
    expect((await item(c.id)).state).toBe("SCHEDULED");
    await unscheduleItem(o.clerk, c.id);
    const x = await item(c.id);
    expect(x.state).toBe("PENDING_SIGNOFF");
    expect(x.scheduledAt).toBeNull();
  });

  it("withdrawal records the reason; 已被替代 needs the replacement", async () => {
    const a = await published();
    const b = await published({ title: "青山县财政局关于2025年度部门预算公开的说明（修订）" });
    await expect(withdrawItem(o.director, a.id, { reason: "SUPERSEDED" })).rejects.toThrow(/请选择替代该信息的新信息/);
    await withdrawItem(o.director, a.id, { reason: "SUPERSEDED", replacementItemId: b.id, note: "已发布修订版" });
    const x = await item(a.id);
    expect(x).toMatchObject({ state: "WITHDRAWN", withdrawalReason: "SUPERSEDED", withdrawnPage: "REPLACED", replacementItemId: b.id });
    const e = await published();
    await withdrawItem(o.principal, e.id, { reason: "PUBLISHED_IN_ERROR" });
    expect((await item(e.id)).withdrawnPage).toBe("GONE");
    // Not yet published → nothing to withdraw.
    const d = await draft();
    await expect(withdrawItem(o.director, d.id, { reason: "EXPIRED" })).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});

describe("saving while the category is being deleted", () => {
  /** Resolves once some backend of this database waits for a row lock. */
  async function someoneWaitsForALock() {
    for (let i = 0; i < 500; i++) {
      const [r] = await db().$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (r!.n > 0) return;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error("nobody waits for a lock");
  }

  it("the save waits for the delete (category locked FOR SHARE) and is then refused, leaving no dangling revision", async () => {
    const cat = await db().category.create({ data: { code: `L${Date.now() % 100_000_000}`, name: "并发删除测试分类" } });
    let saving: Promise<unknown> = Promise.resolve();
    await db().$transaction(
      async (tx) => {
        // What lib/categories/delete-category.ts does: lock the row FOR UPDATE, find it unused, delete.
        await tx.$queryRaw`SELECT id FROM "Category" WHERE id = ${cat.id} FOR UPDATE`;
        saving = createItem(o.clerk, { values: itemValues(cat.id) }).catch((e: unknown) => e);
        await someoneWaitsForALock();
        expect(await tx.disclosureRevision.count({ where: { categoryId: cat.id } })).toBe(0);
        await tx.category.delete({ where: { id: cat.id } });
      },
      { timeout: 15_000 },
    );
    const e = await saving;
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toEqual({ categoryId: ["所选主题分类不存在"] });
    expect(await db().disclosureRevision.count({ where: { categoryId: cat.id } })).toBe(0);
  });
});

describe("separation of duties and forged transitions", () => {
  it("a clerk who is also a reviewer cannot review what they submitted (audited)", async () => {
    const c = await draft({}, o.clerkReviewer);
    await submitItem(o.clerkReviewer, c.id);
    const err = await reviewItem(o.clerkReviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toContain("不得审核本人经办的信息");
    expect((await refusedAudits(c.id)).some((a) => a.action === "disclosure.review")).toBe(true);
    // Another reviewer may.
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  });

  it("a clerk who edited someone else's draft cannot review it either", async () => {
    const c = await draft();
    const edited = await editItem(o.clerkReviewer, c.id, {
      values: itemValues(o.category.id, { summary: "兼职审查员修改" }),
      baseRevisionId: c.revisionId,
    });
    await submitItem(o.clerk, c.id);
    const h = await hashOf(c.id);
    expect(edited.state).toBe("DRAFT");
    await expect(reviewItem(o.clerkReviewer, c.id, { decision: "CLEAR", expectedRevisionHash: h })).rejects.toThrow(/不得审核本人经办/);
  });

  it("the author of an earlier version cannot review a new version of the item either", async () => {
    const c = await draft({}, o.clerkReviewer);
    await submitItem(o.clerkReviewer, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
    // Another clerk drafts and submits a new version (a new cycle).
    await editItem(o.clerk, c.id, { values: itemValues(o.category.id, { summary: "第二版概述" }), baseRevisionId: c.revisionId });
    await submitItem(o.clerk, c.id);
    const h = await hashOf(c.id);
    const err = await reviewItem(o.clerkReviewer, c.id, { decision: "CLEAR", expectedRevisionHash: h }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toContain("不得审核本人经办的信息");
    expect((await refusedAudits(c.id)).some((a) => a.action === "disclosure.review" && a.actorId === o.clerkReviewer.id)).toBe(true);
    // Last cycle's reviewer and signer may act again on the new version.
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: h });
    await signItem(o.director, c.id, { expectedRevisionHash: h });
    expect((await item(c.id)).state).toBe("PENDING_SIGNOFF");
  });

  it("a director who is also a reviewer signs nothing they reviewed (one person, one step)", async () => {
    const both = await makeActor(["DIRECTOR", "REVIEWER"], o.bureau.id);
    const c = await draft();
    await submitItem(o.clerk, c.id);
    await reviewItem(both, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const err = await signItem(both, c.id, { expectedRevisionHash: c.revisionHash }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toContain("同一人不得承担两个审核环节");
    expect((await refusedAudits(c.id)).some((a) => a.action === "disclosure.sign" && a.actorId === both.id)).toBe(true);
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
  });

  it("a director from another department gets 404, audited as REFUSED", async () => {
    const c = await cleared();
    await expect(signItem(o.outsiderDirector, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toBeInstanceOf(NotFoundError);
    const refused = await refusedAudits(c.id);
    expect(refused.some((a) => a.actorId === o.outsiderDirector.id)).toBe(true);
    expect((await item(c.id)).state).toBe("PENDING_SIGNOFF");
  });

  it("a clerk cannot sign (wrong role), and a reviewer cannot publish", async () => {
    const c = await cleared();
    await expect(signItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toBeInstanceOf(ForbiddenError);
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await expect(publishItem(o.reviewer, c.id, { expectedRevisionHash: c.revisionHash })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a forged approval with a wrong hash is refused as stale", async () => {
    const c = await cleared();
    await expect(signItem(o.director, c.id, { expectedRevisionHash: "0".repeat(64) })).rejects.toBeInstanceOf(ConflictError);
  });

  it("two directors signing the same step at once: exactly one succeeds, the other gets ConflictError", async () => {
    const c = await cleared();
    const version = (await item(c.id)).version;
    const results = await Promise.allSettled([
      signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash }, { expectedVersion: version }),
      signItem(o.director2, c.id, { expectedRevisionHash: c.revisionHash }, { expectedVersion: version }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(ConflictError);
    expect(failed[0]!.reason.message).toContain("已被他人处理");
    expect(await db().disclosureSignature.count({ where: { itemId: c.id } })).toBe(1);
  });
});
