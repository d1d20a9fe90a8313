import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { makeActor } from "@/tests/helpers/actors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "@/lib/disclosure/fixtures";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { availableActions } from "@/lib/disclosure/available-actions";
import { listItems, workQueue, withheldItems } from "@/lib/disclosure/queries";
import { saveEscalationChain } from "@/lib/disclosure/save-escalation-chain";
import { loadEscalationChain } from "@/lib/disclosure/signoff-config";

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

describe("what each user is offered", () => {
  it("offers only the actions the rules allow, and fills the right queues", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
    expect((await availableActions(o.clerk, c.id)).allowed.has("submit")).toBe(true);
    expect((await availableActions(o.reviewer, c.id)).allowed.size).toBe(0);
    await submitItem(o.clerk, c.id);
    const rv = await availableActions(o.reviewer, c.id);
    expect([...rv.allowed].sort()).toEqual(["return", "review", "review-withhold"]);
    expect((await availableActions(o.director, c.id)).allowed.has("sign")).toBe(false);
    expect((await workQueue(o.reviewer)).review.map((i) => i.id)).toContain(c.id);
    expect((await workQueue(o.director)).sign.map((i) => i.id)).not.toContain(c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const dq = await workQueue(o.director);
    expect(dq.sign.map((i) => i.id)).toContain(c.id);
    expect(dq.count).toBeGreaterThan(0);
    expect((await workQueue(o.principal)).sign.map((i) => i.id)).not.toContain(c.id);
    expect((await availableActions(o.director, c.id)).allowed.has("sign")).toBe(true);
    // The reviewer who cleared it is told why they cannot sign — nothing is offered.
    expect((await availableActions(o.reviewer, c.id)).allowed.has("sign")).toBe(false);
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
});
