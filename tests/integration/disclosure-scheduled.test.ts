import { beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { scheduleItem } from "@/lib/disclosure/schedule-item";
import { publishDueItems } from "@/lib/jobs/publish-scheduled";

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

async function scheduled(publishAt: Date) {
  const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
  await submitItem(o.clerk, c.id);
  await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
  // Scheduled "an hour ago" for a time that has now passed (as if the server was down).
  await scheduleItem(o.clerk, c.id, { publishAt, expectedRevisionHash: c.revisionHash }, { now: new Date(publishAt.getTime() - 3600_000) });
  return c;
}

describe("定时发布", () => {
  it("publishes due items after a restart, exactly once, even with two runners at once", async () => {
    const due = await scheduled(new Date(Date.now() - 60_000));
    const notYet = await scheduled(new Date(Date.now() + 3600_000));
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: due.id } })).state).toBe("SCHEDULED");

    // A "restarted" server: fresh clients with nothing in memory but the database URL.
    const a = createDb(process.env.DATABASE_URL!);
    const b = createDb(process.env.DATABASE_URL!);
    try {
      const [ra, rb] = await Promise.all([publishDueItems(a), publishDueItems(b)]);
      expect([...ra.published, ...rb.published].filter((id) => id === due.id)).toHaveLength(1);
      const again = await publishDueItems(a);
      expect(again.published).not.toContain(due.id);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
    const p = await db().disclosureItem.findUniqueOrThrow({ where: { id: due.id } });
    expect(p.state).toBe("PUBLISHED");
    expect(p.publishedRevisionId).toBe(p.workingRevisionId);
    expect(p.scheduledAt).toBeNull();
    expect(await db().disclosureEvent.count({ where: { itemId: due.id, type: "PUBLISH" } })).toBe(1);
    const audit = await db().auditLog.findMany({ where: { entityId: due.id, action: "disclosure.publish-scheduled" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorName).toBe("系统（定时发布）");
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: notYet.id } })).state).toBe("SCHEDULED");
  });

  it("does not publish an item whose schedule was cleared by a return", async () => {
    const c = await scheduled(new Date(Date.now() - 1000));
    const { returnItem } = await import("@/lib/disclosure/return-item");
    await returnItem(o.director, c.id, { comment: "数据有误，暂缓发布" });
    const r = await publishDueItems();
    expect(r.published).not.toContain(c.id);
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("DRAFT");
  });

  it("an item the rules refuse is taken out of the schedule once, back to 待签发 with the reason, not retried", async () => {
    const c = await scheduled(new Date(Date.now() - 1000));
    // As if the content changed after scheduling: the scheduled hash no longer matches.
    await db().disclosureItem.update({ where: { id: c.id }, data: { scheduledRevisionHash: "changed" } });
    const first = await publishDueItems();
    expect(first.failed.map((f) => f.itemId)).toContain(c.id);
    expect(first.published).not.toContain(c.id);
    const row = await db().disclosureItem.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ state: "PENDING_SIGNOFF", scheduledAt: null, scheduledRevisionHash: null, publishedRevisionId: null });
    const ev = await db().disclosureEvent.findFirstOrThrow({ where: { itemId: c.id }, orderBy: { at: "desc" } });
    expect(ev).toMatchObject({ type: "UNSCHEDULE", actorName: "系统（定时发布）", fromState: "SCHEDULED", toState: "PENDING_SIGNOFF" });
    expect(ev.comment).toMatch(/定时发布未能执行：定时发布的版本与当前版本不一致.*待签发/);
    // The next runs (every 5 s in production) leave it alone: one audit entry in all.
    const second = await publishDueItems();
    expect([...second.failed.map((f) => f.itemId), ...second.published]).not.toContain(c.id);
    await publishDueItems();
    const audits = await db().auditLog.findMany({ where: { entityId: c.id, action: "disclosure.publish-scheduled" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.outcome).toBe("FAILED");
    // Staff can deal with it: the signatures still hold, so the clerk publishes it.
    const { publishItem } = await import("@/lib/disclosure/publish-item");
    expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
  });

  it("without a clearing review for the current content, a refused item goes back to 草稿 with the reason as 退回意见", async () => {
    const c = await scheduled(new Date(Date.now() - 1000));
    // Simulates a working revision that no clearing review covers any more.
    await db().disclosureReview.updateMany({ where: { itemId: c.id }, data: { revisionHash: "another-version" } });
    const r = await publishDueItems();
    expect(r.failed.map((f) => f.itemId)).toContain(c.id);
    expect((await db().disclosureItem.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("DRAFT");
    const ev = await db().disclosureEvent.findFirstOrThrow({ where: { itemId: c.id }, orderBy: { at: "desc" } });
    expect(ev).toMatchObject({ type: "RETURN", toState: "DRAFT" });
    expect(ev.comment).toMatch(/该版本尚未通过保密审查.*草稿/);
    expect((await publishDueItems()).failed.map((f) => f.itemId)).not.toContain(c.id);
  });
});
