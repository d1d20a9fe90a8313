import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { itemActionsFor } from "@/lib/disclosure/item-actions";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { itemValues, makeDisclosureOrg, type DisclosureOrg } from "../helpers/disclosure-org";
import { queuedJobs } from "../helpers/jobs";

// Authorization in pairs, through the real verbs: the outsider (wrong role, or another
// department) is refused and the refusal audited with nothing changed, the rightful user
// gets in — and the item page offers the button exactly when the verb lets the user in.

let o: DisclosureOrg;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
});

const state = async (id: string) => await db().disclosureItem.findUniqueOrThrow({ where: { id }, select: { state: true, version: true } });
const refusals = (itemId: string, actorId: string, action: string) =>
  db().auditLog.findMany({ where: { entityType: "DisclosureItem", entityId: itemId, actorId, action, outcome: "REFUSED" } });
const offered = async (user: SessionUser, itemId: string, action: "review" | "sign" | "publish" | "withdraw") =>
  (await itemActionsFor(user, itemId)).allowed.has(action);

async function pendingReview() {
  const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
  await submitItem(o.clerk, c.id);
  return c;
}

/** Refused, audited as REFUSED for this actor and action, and nothing changed. */
async function expectRefused(
  run: () => Promise<unknown>,
  err: typeof ForbiddenError | typeof NotFoundError,
  itemId: string,
  actor: SessionUser,
  action: string,
) {
  const before = await state(itemId);
  await expect(run()).rejects.toBeInstanceOf(err);
  expect(await state(itemId)).toEqual(before);
  expect(await refusals(itemId, actor.id, action)).toHaveLength(1);
}

describe("item verbs: the outsider is refused and audited, the rightful user gets in", () => {
  it("保密审查: a director of the department (wrong role) and a reviewer of another department are refused; the department's reviewer reviews", async () => {
    const c = await pendingReview();
    const review = (u: SessionUser) => reviewItem(u, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    expect(await offered(o.director, c.id, "review")).toBe(false);
    await expectRefused(() => review(o.director), ForbiddenError, c.id, o.director, "disclosure.review");
    expect(await offered(o.outsiderReviewer, c.id, "review")).toBe(false);
    await expectRefused(() => review(o.outsiderReviewer), NotFoundError, c.id, o.outsiderReviewer, "disclosure.review");

    expect(await offered(o.reviewer, c.id, "review")).toBe(true);
    expect((await review(o.reviewer)).state).toBe("PENDING_SIGNOFF");
  });

  it("签发: a clerk is refused (role), another department's director gets 404 (scope); the department's director signs", async () => {
    const c = await pendingReview();
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const sign = (u: SessionUser) => signItem(u, c.id, { expectedRevisionHash: c.revisionHash });
    expect(await offered(o.clerk, c.id, "sign")).toBe(false);
    await expectRefused(() => sign(o.clerk), ForbiddenError, c.id, o.clerk, "disclosure.sign");
    expect(await offered(o.outsiderDirector, c.id, "sign")).toBe(false);
    await expectRefused(() => sign(o.outsiderDirector), NotFoundError, c.id, o.outsiderDirector, "disclosure.sign");

    expect(await offered(o.director, c.id, "sign")).toBe(true);
    await sign(o.director);
    // Signed off: the reviewer still may not publish, the clerk may.
    expect(await offered(o.reviewer, c.id, "publish")).toBe(false);
    await expectRefused(
      () => publishItem(o.reviewer, c.id, { expectedRevisionHash: c.revisionHash }),
      ForbiddenError,
      c.id,
      o.reviewer,
      "disclosure.publish",
    );
    expect(await offered(o.clerk, c.id, "publish")).toBe(true);
    expect((await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash })).state).toBe("PUBLISHED");
  });

  it("撤回: the reviewer is neither offered the button nor let through; the director withdraws (and the fee-validity job is queued with it)", async () => {
    const c = await pendingReview();
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
    const withdraw = (u: SessionUser) => withdrawItem(u, c.id, { reason: "EXPIRED", note: "已废止" });

    expect(await offered(o.reviewer, c.id, "withdraw")).toBe(false);
    await expectRefused(() => withdraw(o.reviewer), ForbiddenError, c.id, o.reviewer, "disclosure.withdraw");
    await expectRefused(() => withdraw(o.outsiderDirector), NotFoundError, c.id, o.outsiderDirector, "disclosure.withdraw");

    expect(await offered(o.director, c.id, "withdraw")).toBe(true);
    expect((await withdraw(o.director)).state).toBe("WITHDRAWN");
    expect((await queuedJobs("structured.fee-validity")).some((j) => j.key === "fee-validity")).toBe(true);
    const ok = await db().auditLog.findMany({ where: { entityId: c.id, action: "disclosure.withdraw", outcome: "OK" } });
    expect(ok.map((a) => a.actorId)).toEqual([o.director.id]);
  });
});
