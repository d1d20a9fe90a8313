import { beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "@/lib/disclosure/fixtures";
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
    expect(audit[0].actorName).toBe("系统（定时发布）");
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
});
