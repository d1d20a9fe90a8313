import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_QUERY_CODE } from "@/lib/seed/seed-requests";
import { withSeededDatabase } from "@/tests/helpers/database";
import { verifyQueryCode } from "@/lib/requests/numbers";
import { APPLICATION_STATUSES } from "@/lib/requests/rules/stages";

// The demo data comes from the seeded template, built once per run by the real demo seed.
withSeededDatabase();

describe("demo seed step: requests", () => {
  it("creates applications in every stage, channel, applicant type and reply type", async () => {
    const apps = await db().disclosureApplication.findMany({
      include: { replies: true, fee: true, extensions: true, consultations: true },
    });
    expect(apps.length).toBeGreaterThanOrEqual(30);
    const statuses = new Set(apps.map((a) => a.status));
    const missing = APPLICATION_STATUSES.filter((s) => !statuses.has(s));
    expect(missing).toEqual([]);
    expect(new Set(apps.map((a) => a.channel)).size).toBe(6);
    expect(new Set(apps.map((a) => a.organizationSubtype).filter(Boolean)).size).toBe(5);
    expect(new Set(apps.flatMap((a) => a.replies.map((r) => r.replyType))).size).toBeGreaterThanOrEqual(7);
    expect(apps.some((a) => a.fee?.status === "PAID")).toBe(true);
    expect(apps.some((a) => a.extensions.some((e) => e.status === "APPROVED"))).toBe(true);
    expect(verifyQueryCode(apps[0]!.number, DEMO_QUERY_CODE, apps[0]!.queryCodeHash)).toBe(true);
  }, 240_000);
});
