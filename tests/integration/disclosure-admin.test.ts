import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { makeActor } from "@/tests/helpers/actors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { addDays, civilDateInShanghai } from "@/lib/calendar/civil-date";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { itemActionsFor } from "@/lib/disclosure/item-actions";
import { listItems, revisionsOf, workQueue, withheldItems } from "@/lib/disclosure/queries";
import { saveEscalationChain } from "@/lib/disclosure/save-escalation-chain";
import { loadEscalationChain } from "@/lib/disclosure/signoff-config";

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

describe("what each user is offered", () => {
  it("offers only the actions the rules allow, and fills the right queues", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
    expect((await itemActionsFor(o.clerk, c.id)).allowed.has("submit")).toBe(true);
    expect((await itemActionsFor(o.reviewer, c.id)).allowed.size).toBe(0);
    await submitItem(o.clerk, c.id);
    const rv = await itemActionsFor(o.reviewer, c.id);
    expect([...rv.allowed].sort()).toEqual(["return", "review", "reviewPartial", "reviewWithhold"]);
    expect((await itemActionsFor(o.director, c.id)).allowed.has("sign")).toBe(false);
    expect((await workQueue(o.reviewer)).review.map((i) => i.id)).toContain(c.id);
    expect((await workQueue(o.director)).sign.map((i) => i.id)).not.toContain(c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const dq = await workQueue(o.director);
    expect(dq.sign.map((i) => i.id)).toContain(c.id);
    expect(dq.count).toBeGreaterThan(0);
    expect((await workQueue(o.principal)).sign.map((i) => i.id)).not.toContain(c.id);
    expect((await itemActionsFor(o.director, c.id)).allowed.has("sign")).toBe(true);
    // The reviewer who cleared it is told why they cannot sign — nothing is offered.
    expect((await itemActionsFor(o.reviewer, c.id)).allowed.has("sign")).toBe(false);
  });

  it("flags items past 20 working days and lists withheld items with their due date", async () => {
    const old = await createItem(o.clerk, { values: itemValues(o.category.id, { writtenOn: "2026-01-05", formedOn: "2026-01-05" }) });
    const late = await listItems(o.clerk, { late: true, pageSize: 100 });
    expect(late.items.map((i) => i.id)).toContain(old.id);
    expect(late.items.find((i) => i.id === old.id)!.timeliness!.late).toBe(true);
    await submitItem(o.clerk, old.id);
    await reviewItem(o.reviewer, old.id, { decision: "WITHHOLD", exemptions: ["PROCESS_INFO"], expectedRevisionHash: old.revisionHash });
    const w = await withheldItems(o.director);
    expect(w.find((i) => i.id === old.id)?.reassessmentDueOn).not.toBeNull();
    expect((await withheldItems(o.outsiderDirector)).map((i) => i.id)).not.toContain(old.id);
  });
});

describe("我的草稿, queues and history", () => {
  it("我的草稿 lists the drafts the user created or last edited, not others' or submitted ones", async () => {
    const mine = await createItem(o.clerk2, { values: itemValues(o.category.id, { title: "我新建的草稿" }) });
    const theirs = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "别人新建、我修改的草稿" }) });
    await editItem(o.clerk2, theirs.id, {
      values: itemValues(o.category.id, { title: "别人新建、我修改的草稿", summary: "我改过" }),
      baseRevisionId: theirs.revisionId,
    });
    const untouched = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "别人的草稿" }) });
    const submitted = await createItem(o.clerk2, { values: itemValues(o.category.id, { title: "我已提交的" }) });
    await submitItem(o.clerk2, submitted.id);
    const r = await listItems(o.clerk2, { states: ["DRAFT"], draftsOf: o.clerk2.id, pageSize: 100 });
    const ids = r.items.map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(untouched.id);
    expect(ids).not.toContain(submitted.id);
    expect(r.total).toBe(ids.length);
  });

  it("the queue and its count leave out items the user may not act on (separation of duties)", async () => {
    const both = await makeActor(["DIRECTOR", "REVIEWER"], o.bureau.id);
    const own = await createItem(o.clerkReviewer, { values: itemValues(o.category.id, { title: "兼职审查员自己写的" }) });
    await submitItem(o.clerkReviewer, own.id);
    expect((await workQueue(o.clerkReviewer)).review.map((i) => i.id)).not.toContain(own.id);
    expect((await workQueue(o.reviewer)).review.map((i) => i.id)).toContain(own.id);

    const c = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "审查员兼主任审查过的" }) });
    await submitItem(o.clerk, c.id);
    const before = await workQueue(both);
    expect(before.review.map((i) => i.id)).toContain(c.id);
    await reviewItem(both, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const after = await workQueue(both);
    expect(after.sign.map((i) => i.id)).not.toContain(c.id);
    expect(after.count).toBe(after.review.length + after.sign.length + after.toPublish.length + after.returned.length);
    expect((await workQueue(o.director)).sign.map((i) => i.id)).toContain(c.id);
  });

  it("a new version's timeliness runs from its own changed date, not from the first publication", async () => {
    const c = await createItem(o.clerk, {
      values: itemValues(o.category.id, { title: "时效测试", writtenOn: "2026-01-05", formedOn: "2026-01-05" }),
    });
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
    // Published today, formed in January: late.
    let row = (await listItems(o.clerk, { q: "时效测试", pageSize: 100 })).items.find((i) => i.id === c.id)!;
    expect(row.timeliness).toMatchObject({ published: true, late: true });
    // A new version changed yesterday is pending: measured from yesterday, on time.
    const yesterday = addDays(civilDateInShanghai(new Date()), -1);
    await editItem(o.clerk, c.id, {
      values: itemValues(o.category.id, { title: "时效测试", writtenOn: "2026-01-05", formedOn: yesterday }),
      baseRevisionId: c.revisionId,
    });
    row = (await listItems(o.clerk, { q: "时效测试", pageSize: 100 })).items.find((i) => i.id === c.id)!;
    expect(row.timeliness).toMatchObject({ published: false, late: false });
    expect(row.timeliness!.workingDays).toBeLessThanOrEqual(1);
  });

  it("the revision history is scoped to the user's departments", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
    await editItem(o.clerk, c.id, { values: itemValues(o.category.id, { summary: "第二版" }), baseRevisionId: c.revisionId });
    const revs = await revisionsOf(o.director, c.id);
    expect(revs.map((r) => r.number)).toEqual([1, 2]);
    expect(revs[1]!.authorId).toBe(o.clerk.id);
    await expect(revisionsOf(o.outsiderDirector, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("escalation chain configuration", () => {
  it("an admin edits a department's chain; others are refused; bad levels are rejected", async () => {
    const admin = await makeActor(["ADMIN"], o.gov.id);
    expect((await loadEscalationChain(db(), o.other.id)).configured).toBe(false);
    await saveEscalationChain(admin, o.other.id, [`${o.other.id}:DIRECTOR`, `${o.gov.id}:PRINCIPAL`]);
    const chain = await loadEscalationChain(db(), o.other.id);
    expect(chain.configured).toBe(true);
    expect(chain.chain).toEqual([
      { departmentId: o.other.id, role: "DIRECTOR" },
      { departmentId: o.gov.id, role: "PRINCIPAL" },
    ]);
    await expect(saveEscalationChain(o.director, o.other.id, [])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveEscalationChain(admin, o.other.id, [`${o.other.id}:CLERK`])).rejects.toBeInstanceOf(ValidationError);
    await saveEscalationChain(admin, o.other.id, []);
    expect((await loadEscalationChain(db(), o.other.id)).configured).toBe(false);
  });

  it("a level outside the department's line of authority (a sibling bureau) is refused; itself and its government are allowed", async () => {
    const admin = await makeActor(["ADMIN"], o.gov.id);
    const err = await saveEscalationChain(admin, o.other.id, [`${o.other.id}:DIRECTOR`, `${o.bureau.id}:DIRECTOR`]).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.levels[0]).toMatch(/第2级须为本机构或其上级机构的领导/);
    expect((await loadEscalationChain(db(), o.other.id)).configured).toBe(false);
    await saveEscalationChain(admin, o.other.id, [`${o.other.id}:PRINCIPAL`, `${o.gov.id}:PRINCIPAL`]);
    expect((await loadEscalationChain(db(), o.other.id)).chain).toHaveLength(2);
    await saveEscalationChain(admin, o.other.id, []);
  });
});
