import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { discardDraft } from "@/lib/disclosure/discard-draft";

// A revision is what was reviewed and signed: the database refuses to change it
// (migration revision_immutable), except the two stamps the workflow sets later.

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

const IMMUTABLE = /信息版本（DisclosureRevision）保存后不能修改或删除/;

async function publishedItem() {
  const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
  await submitItem(o.clerk, c.id);
  await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
  await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
  return c;
}

describe("DisclosureRevision is immutable", () => {
  it("refuses changing the title, body or hash of a revision, and deleting or truncating it", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
    const where = { id: c.revisionId };
    await expect(db().disclosureRevision.update({ where, data: { title: "篡改后的标题" } })).rejects.toThrow(IMMUTABLE);
    await expect(db().disclosureRevision.update({ where, data: { body: "<p>篡改</p>" } })).rejects.toThrow(IMMUTABLE);
    // Even together with a permitted column.
    await expect(db().disclosureRevision.update({ where, data: { hash: "x", publishedAt: new Date() } })).rejects.toThrow(IMMUTABLE);
    await expect(db().$executeRawUnsafe(`DELETE FROM "DisclosureRevision" WHERE id = '${c.revisionId}'`)).rejects.toThrow(IMMUTABLE);
    await expect(db().$executeRawUnsafe(`TRUNCATE "DisclosureRevision" CASCADE`)).rejects.toThrow(IMMUTABLE);
    const row = await db().disclosureRevision.findUniqueOrThrow({ where });
    expect(row.title).toBe("青山县财政局关于2025年度部门预算公开的说明");
    expect(row.hash).toBe(c.revisionHash);
  });

  it("publishing still stamps publishedAt, and discarding a pending version stamps discardedAt", async () => {
    const c = await publishedItem();
    const published = await db().disclosureRevision.findUniqueOrThrow({ where: { id: c.revisionId } });
    expect(published.publishedAt).not.toBeNull();
    const e = await editItem(o.clerk, c.id, { values: itemValues(o.category.id, { summary: "第二版概述" }), baseRevisionId: c.revisionId });
    const pending = (await db().disclosureItem.findUniqueOrThrow({ where: { id: e.itemId } })).workingRevisionId!;
    await discardDraft(o.clerk, c.id);
    expect((await db().disclosureRevision.findUniqueOrThrow({ where: { id: pending } })).discardedAt).not.toBeNull();
  });
});
