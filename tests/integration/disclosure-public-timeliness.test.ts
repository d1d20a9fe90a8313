import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { getItemForStaff, timelinessOf } from "@/lib/disclosure/queries";
import { getPublicItem } from "@/lib/disclosure/public-queries";
import { addDays, civilDateInShanghai } from "@/lib/calendar/civil-date";
import { loadWorkingDayCounter } from "@/lib/disclosure/working-days";

// Issue: "each item shows its working-day count from 'formed or changed' to publication" —
// on the public page too, with the same figure as the admin page.

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

describe("the public item shows 形成（变更）日期 and its working-day count", () => {
  it("gives the live version's formedOn and the admin page's working-day figure", async () => {
    const formedOn = addDays(civilDateInShanghai(new Date()), -10);
    const c = await createItem(o.clerk, { values: itemValues(o.category.id, { formedOn, writtenOn: formedOn }) });
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });

    const pub = await getPublicItem(c.id);
    if (!("formedOn" in pub)) throw new Error(`expected a live item, got ${pub.view}`);
    expect(pub.formedOn).toBe(formedOn);
    const wd = await loadWorkingDayCounter();
    expect(pub.publicationWorkingDays).toBe(wd(formedOn, civilDateInShanghai(pub.updatedAt)));
    // Ten calendar days hold at most eight working days, and at least one even across the
    // longest holiday block.
    expect(pub.publicationWorkingDays).toBeGreaterThanOrEqual(1);
    expect(pub.publicationWorkingDays).toBeLessThanOrEqual(8);
    // The same figure as the admin page's 时效 (one working-day function for both).
    const staff = await getItemForStaff(o.director, c.id);
    expect(timelinessOf(staff, wd)?.workingDays).toBe(pub.publicationWorkingDays);
  });
});
