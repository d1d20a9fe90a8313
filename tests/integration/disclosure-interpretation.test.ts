import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { returnItem } from "@/lib/disclosure/return-item";
import { discardDraft } from "@/lib/disclosure/discard-draft";
import { diffRevisionRows } from "@/lib/disclosure/content";
import { getPublicItem } from "@/lib/disclosure/public-queries";
import { setCatalogueCacheEnabled, stopCatalogueListener } from "@/lib/disclosure/public-cache";

// The 解读 link ("this item interprets item X") is revision content: changing it drafts a new
// version whose hash covers the link, and the public keeps the published revision's link —
// on both pages — until that version is reviewed, signed off and published. The cache is off
// so every assertion reads the database.

let o: DisclosureOrg;

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  o = await makeDisclosureOrg(db());
});

afterAll(async () => {
  await stopCatalogueListener();
});

const values = (title: string, extra: Record<string, unknown> = {}) => itemValues(o.category.id, { title, ...extra });
const working = async (id: string) =>
  (await db().disclosureItem.findUniqueOrThrow({ where: { id }, include: { workingRevision: true } })).workingRevision!;

async function publish(id: string, hash: string) {
  await submitItem(o.clerk, id);
  await reviewItem(o.reviewer, id, { decision: "CLEAR", expectedRevisionHash: hash });
  await signItem(o.director, id, { expectedRevisionHash: hash });
  await publishItem(o.clerk, id, { expectedRevisionHash: hash });
}

async function published(title: string, interpretsItemId?: string) {
  const c = await createItem(o.clerk, { values: values(title), interpretsItemId });
  await publish(c.id, c.revisionHash);
  return c;
}

/** What the public item pages say about 解读 links: [this item interprets, its interpretations]. */
async function publicLinks(id: string): Promise<[string | null, string[]]> {
  const r = await getPublicItem(id);
  if (r.view !== "LIVE") throw new Error(`item ${id} is ${r.view}`);
  return [r.interprets?.id ?? null, r.interpretations.map((x) => x.id)];
}

describe("the 解读 link of a published item", () => {
  it("changes on the public pages only when the new version is reviewed, signed off and published", async () => {
    const policyA = await published("政策文件甲");
    const policyB = await published("政策文件乙");
    const reading = await published("政策文件的解读", policyA.id);
    const liveRevisionId = (await db().disclosureItem.findUniqueOrThrow({ where: { id: reading.id } })).publishedRevisionId;
    expect(await publicLinks(reading.id)).toEqual([policyA.id, []]);
    expect(await publicLinks(policyA.id)).toEqual([null, [reading.id]]);
    expect(await publicLinks(policyB.id)).toEqual([null, []]);
    const before = await Promise.all([getPublicItem(reading.id), getPublicItem(policyA.id), getPublicItem(policyB.id)]);

    // The clerk re-points the interpretation from 甲 to 乙: a new working revision.
    await editItem(o.clerk, reading.id, {
      values: values("政策文件的解读"),
      baseRevisionId: reading.revisionId,
      interpretsItemId: policyB.id,
    });
    const next = await working(reading.id);
    expect(next.interpretsItemId).toBe(policyB.id);
    expect(next.hash).not.toBe(reading.revisionHash);

    // Unchanged public data (every field of all three pages) through review and sign-off.
    const unchanged = async () =>
      expect(await Promise.all([getPublicItem(reading.id), getPublicItem(policyA.id), getPublicItem(policyB.id)])).toEqual(before);
    await unchanged();
    await submitItem(o.clerk, reading.id);
    await unchanged();
    await reviewItem(o.reviewer, reading.id, { decision: "CLEAR", expectedRevisionHash: next.hash });
    await unchanged();
    await signItem(o.director, reading.id, { expectedRevisionHash: next.hash });
    await unchanged();
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: reading.id } })).publishedRevisionId).toBe(liveRevisionId);

    // Publication swaps the link together with the revision, in both directions.
    await publishItem(o.clerk, reading.id, { expectedRevisionHash: next.hash });
    expect(await publicLinks(reading.id)).toEqual([policyB.id, []]);
    expect(await publicLinks(policyA.id)).toEqual([null, []]);
    expect(await publicLinks(policyB.id)).toEqual([null, [reading.id]]);
  });

  it("放弃修改 of a version that dropped the link leaves the published link as it was", async () => {
    const policy = await published("放弃修改测试政策");
    const reading = await published("放弃修改测试解读", policy.id);
    await editItem(o.clerk, reading.id, { values: values("放弃修改测试解读"), baseRevisionId: reading.revisionId, interpretsItemId: "" });
    expect((await working(reading.id)).interpretsItemId).toBeNull();
    expect(await publicLinks(policy.id)).toEqual([null, [reading.id]]);
    await discardDraft(o.clerk, reading.id);
    expect((await working(reading.id)).interpretsItemId).toBe(policy.id);
    expect(await publicLinks(reading.id)).toEqual([policy.id, []]);
    expect(await publicLinks(policy.id)).toEqual([null, [reading.id]]);
  });

  it("an unpublished draft's link is shown on neither page", async () => {
    const policy = await published("草稿解读测试政策");
    const draft = await createItem(o.clerk, { values: values("草稿解读"), interpretsItemId: policy.id });
    expect((await working(draft.id)).interpretsItemId).toBe(policy.id);
    expect(await publicLinks(policy.id)).toEqual([null, []]);
    expect((await getPublicItem(draft.id)).view).toBe("HIDDEN");
  });
});

describe("approvals and the 解读 link", () => {
  it("a change of only the link voids the review and signature recorded before it", async () => {
    const policyA = await published("审批测试政策甲");
    const policyB = await published("审批测试政策乙");
    const c = await createItem(o.clerk, { values: values("审批测试解读"), interpretsItemId: policyA.id });
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await returnItem(o.director, c.id, { comment: "请核对所解读的文件" });

    // Re-saving the same content with the same link gives the same hash: approvals stand.
    await editItem(o.clerk, c.id, { values: values("审批测试解读"), baseRevisionId: c.revisionId, interpretsItemId: policyA.id });
    const same = await working(c.id);
    expect(same.id).not.toBe(c.revisionId);
    expect(same.hash).toBe(c.revisionHash);
    expect(await db().disclosureSignature.count({ where: { itemId: c.id, invalidatedAt: null } })).toBe(1);

    // Changing the link alone is a content change: a new hash, and the approvals are void.
    await editItem(o.clerk, c.id, { values: values("审批测试解读"), baseRevisionId: same.id, interpretsItemId: policyB.id });
    const changed = await working(c.id);
    expect(changed.hash).not.toBe(c.revisionHash);
    expect(await db().disclosureReview.count({ where: { itemId: c.id, invalidatedAt: null } })).toBe(0);
    expect(await db().disclosureSignature.count({ where: { itemId: c.id, invalidatedAt: null } })).toBe(0);
    expect(await db().disclosureEvent.count({ where: { itemId: c.id, type: "INVALIDATE" } })).toBe(1);
    // The old approvals cannot carry the new link to the public: review starts again, and an
    // approval of the old content is refused as stale.
    expect((await submitItem(o.clerk, c.id)).state).toBe("PENDING_REVIEW");
    await expect(reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: changed.hash });
    await signItem(o.director, c.id, { expectedRevisionHash: changed.hash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: changed.hash });
    expect(await publicLinks(c.id)).toEqual([policyB.id, []]);
  });
});

describe("the revision diff", () => {
  it("lists a change of the link as 所解读的信息, by title and 索引号", async () => {
    const policyA = await published("差异测试政策甲");
    const policyB = await published("差异测试政策乙");
    const c = await createItem(o.clerk, { values: values("差异测试解读"), interpretsItemId: policyA.id });
    await editItem(o.clerk, c.id, { values: values("差异测试解读"), baseRevisionId: c.revisionId, interpretsItemId: policyB.id });
    const revs = await db().disclosureRevision.findMany({ where: { itemId: c.id }, orderBy: { number: "asc" } });
    const r1 = revs[0]!;
    const r2 = revs[1]!;
    const d = await diffRevisionRows(db(), r1, r2);
    expect(d.changedFields).toEqual(["interpretsItemId"]);
    const f = d.fields.find((x) => x.field === "interpretsItemId")!;
    expect(f.label).toBe("所解读的信息");
    expect(f.rows).toEqual([
      {
        kind: "changed",
        left: { lineNo: 1, segments: [{ text: `差异测试政策甲（${policyA.indexNumber}）`, op: "removed" }] },
        right: { lineNo: 1, segments: [{ text: `差异测试政策乙（${policyB.indexNumber}）`, op: "added" }] },
      },
    ]);
    // Clearing the link is a removed line.
    await editItem(o.clerk, c.id, { values: values("差异测试解读"), baseRevisionId: r2.id, interpretsItemId: "" });
    const r3 = await working(c.id);
    const cleared = (await diffRevisionRows(db(), r2, r3)).fields.find((x) => x.field === "interpretsItemId")!;
    expect(cleared.rows.map((r) => r.kind)).toEqual(["removed"]);
  });
});

describe("validation of the link", () => {
  it("refuses an unknown item, an item outside the scope and the item itself, storing nothing", async () => {
    const outside = await createItem(o.outsiderClerk, { values: itemValues(o.category.id, { title: "外单位文件" }) });
    for (const bad of ["no-such-item", outside.id]) {
      const e = await createItem(o.clerk, { values: values("无效解读"), interpretsItemId: bad }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors).toEqual({ interpretsItemId: ["所解读的信息不存在"] });
    }
    const c = await createItem(o.clerk, { values: values("自我解读") });
    const e = await editItem(o.clerk, c.id, { values: values("自我解读"), baseRevisionId: c.revisionId, interpretsItemId: c.id }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(await db().disclosureRevision.count({ where: { itemId: c.id } })).toBe(1);
  });
});
