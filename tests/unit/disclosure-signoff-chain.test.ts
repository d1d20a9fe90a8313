import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "@/lib/disclosure/rules/actor";
import {
  buildSignoffSteps,
  canSign,
  nextStep,
  validSignatures,
  type SignatureRecord,
  type SignoffStep,
} from "@/lib/disclosure/rules/signoff-chain";
import type { ApprovalParticipation } from "@/lib/disclosure/rules/separation-of-duties";

const BUREAU = "dept-edu"; // 教育局
const CITY = "gov-city"; // 市政府
const PROVINCE = "gov-province";

const staff = (userId: string, ...grants: RoleGrant[]): Actor => ({ kind: "staff", userId, grants });
const sig = (signerId: string, step: SignoffStep, revisionHash = "h1"): SignatureRecord => ({
  signerId,
  stepNo: step.stepNo,
  role: step.role,
  departmentId: step.departmentId,
  revisionHash,
  signedAt: new Date("2026-03-02T02:00:00Z"),
});
const noParticipation: ApprovalParticipation = { contributorIds: [], reviews: [], signatures: [] };

function steps(input: Parameters<typeof buildSignoffSteps>[0]): SignoffStep[] {
  const plan = buildSignoffSteps(input);
  if (!plan.ok) throw new Error(plan.message);
  return plan.steps;
}

const base = { departmentId: BUREAU, parentDepartmentId: CITY, escalationChain: [], negative: false } as const;

describe("buildSignoffSteps — tiers", () => {
  it("一般信息: the department's director only", () => {
    expect(steps({ ...base, tier: "GENERAL" })).toEqual([{ stepNo: 1, role: "DIRECTOR", departmentId: BUREAU }]);
  });

  it("重大信息: director, then the unit's principal leader", () => {
    expect(steps({ ...base, tier: "MAJOR" })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
    ]);
  });

  it("特别重大: director, principal, then the parent government's principal", () => {
    expect(steps({ ...base, tier: "CRITICAL" })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
      { stepNo: 3, role: "PRINCIPAL", departmentId: CITY },
    ]);
  });

  it("特别重大 without a configured parent government is a configuration error, in Chinese", () => {
    const plan = buildSignoffSteps({ ...base, tier: "CRITICAL", parentDepartmentId: null });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/上级政府/);
  });

  it("the escalation chain is ignored for items not flagged negative", () => {
    const chain = [{ departmentId: PROVINCE, role: "PRINCIPAL" as const }];
    expect(steps({ ...base, tier: "GENERAL", escalationChain: chain })).toHaveLength(1);
  });
});

describe("buildSignoffSteps — 负面信息 (逐级把关)", () => {
  const chain = [
    { departmentId: BUREAU, role: "DIRECTOR" as const },
    { departmentId: BUREAU, role: "PRINCIPAL" as const },
    { departmentId: CITY, role: "DIRECTOR" as const },
    { departmentId: CITY, role: "PRINCIPAL" as const },
  ];

  it("goes through every level of the configured chain, in order", () => {
    expect(steps({ ...base, tier: "GENERAL", negative: true, escalationChain: chain })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
      { stepNo: 3, role: "DIRECTOR", departmentId: CITY },
      { stepNo: 4, role: "PRINCIPAL", departmentId: CITY },
    ]);
  });

  it("a tier level missing from the chain takes its place by rank, never after a higher level (重大+负面)", () => {
    // Chain: bureau director → city principal. 重大 also needs the bureau's principal,
    // which must come before the city, not be appended after it.
    const chainSkippingPrincipal = [
      { departmentId: BUREAU, role: "DIRECTOR" as const },
      { departmentId: CITY, role: "PRINCIPAL" as const },
    ];
    expect(steps({ ...base, tier: "MAJOR", negative: true, escalationChain: chainSkippingPrincipal })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
      { stepNo: 3, role: "PRINCIPAL", departmentId: CITY },
    ]);
  });

  it("特别重大+负面 with a chain of only the bureau principal: director, principal, then the city", () => {
    const onlyPrincipal = [{ departmentId: BUREAU, role: "PRINCIPAL" as const }];
    expect(steps({ ...base, tier: "CRITICAL", negative: true, escalationChain: onlyPrincipal })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
      { stepNo: 3, role: "PRINCIPAL", departmentId: CITY },
    ]);
  });

  it("a chain configured out of order still climbs: own department first, director before principal", () => {
    const reversed = [
      { departmentId: PROVINCE, role: "PRINCIPAL" as const },
      { departmentId: CITY, role: "PRINCIPAL" as const },
      { departmentId: CITY, role: "DIRECTOR" as const },
      { departmentId: BUREAU, role: "PRINCIPAL" as const },
    ];
    const result = steps({ ...base, tier: "GENERAL", negative: true, escalationChain: reversed, ancestorIds: [CITY, PROVINCE] });
    expect(result.map((s) => `${s.stepNo}:${s.departmentId}:${s.role}`)).toEqual([
      "1:dept-edu:DIRECTOR",
      "2:dept-edu:PRINCIPAL",
      "3:gov-city:DIRECTOR",
      "4:gov-city:PRINCIPAL",
      "5:gov-province:PRINCIPAL",
    ]);
  });

  it("a chain level outside the department's line of authority (a sibling) is a configuration error", () => {
    const plan = buildSignoffSteps({
      ...base,
      tier: "GENERAL",
      negative: true,
      escalationChain: [{ departmentId: "dept-health", role: "DIRECTOR" }],
    });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/非本单位或其上级/);
  });

  it("never gives less oversight than the tier: missing tier levels are added", () => {
    const shortChain = [{ departmentId: BUREAU, role: "DIRECTOR" as const }];
    expect(steps({ ...base, tier: "CRITICAL", negative: true, escalationChain: shortChain })).toEqual([
      { stepNo: 1, role: "DIRECTOR", departmentId: BUREAU },
      { stepNo: 2, role: "PRINCIPAL", departmentId: BUREAU },
      { stepNo: 3, role: "PRINCIPAL", departmentId: CITY },
    ]);
  });

  it("keeps the chain's order and drops duplicate levels", () => {
    const withDup = [...chain, { departmentId: BUREAU, role: "DIRECTOR" as const }];
    const result = steps({ ...base, tier: "MAJOR", negative: true, escalationChain: withDup });
    expect(result.map((s) => `${s.departmentId}:${s.role}`)).toEqual([
      "dept-edu:DIRECTOR",
      "dept-edu:PRINCIPAL",
      "gov-city:DIRECTOR",
      "gov-city:PRINCIPAL",
    ]);
    expect(result.map((s) => s.stepNo)).toEqual([1, 2, 3, 4]);
  });

  it("an empty chain falls back to the tier's steps", () => {
    expect(steps({ ...base, tier: "MAJOR", negative: true, escalationChain: [] })).toHaveLength(2);
  });

  it("rejects a chain level that is not a leader role or has no department", () => {
    for (const bad of [
      [{ departmentId: BUREAU, role: "CLERK" as const }],
      [{ departmentId: BUREAU, role: "REVIEWER" as const }],
      [{ departmentId: "", role: "DIRECTOR" as const }],
    ]) {
      const plan = buildSignoffSteps({ ...base, tier: "GENERAL", negative: true, escalationChain: bad });
      expect(plan.ok).toBe(false);
      if (!plan.ok) expect(plan.message).toMatch(/逐级把关链配置有误/);
    }
  });
});

describe("nextStep and validSignatures", () => {
  const critical = steps({ ...base, tier: "CRITICAL" });

  it("walks the steps in order", () => {
    expect(nextStep(critical, [])).toEqual(critical[0]!);
    expect(nextStep(critical, [sig("d", critical[0]!)])).toEqual(critical[1]!);
    expect(nextStep(critical, [sig("d", critical[0]!), sig("p", critical[1]!)])).toEqual(critical[2]!);
    expect(
      nextStep(
        critical,
        critical.map((s, i) => sig(`u${i}`, s)),
      ),
    ).toBeNull();
  });

  it("does not depend on the order steps are given in", () => {
    expect(nextStep([...critical].reverse(), [sig("d", critical[0]!)])).toEqual(critical[1]!);
  });

  it("a signature only fills the step with the same role and department", () => {
    const wrongDept = { ...sig("p", critical[1]!), departmentId: "other" };
    expect(nextStep(critical, [sig("d", critical[0]!), wrongDept])).toEqual(critical[1]!);
  });

  it("a signature keeps filling its level when a chain edit renumbers the steps", () => {
    // Signed as step 2 (bureau principal); the chain edit inserted a level, now it is step 3.
    const renumbered = { ...sig("p", critical[1]!), stepNo: 7 };
    expect(nextStep(critical, [sig("d", critical[0]!), renumbered])).toEqual(critical[2]!);
  });

  it("drops signatures bound to another revision hash (editing after approval invalidates them)", () => {
    const signatures = [sig("d", critical[0]!, "old"), sig("p", critical[1]!, "new")];
    expect(validSignatures(signatures, "new")).toEqual([signatures[1]]);
    expect(nextStep(critical, validSignatures(signatures, "new"))).toEqual(critical[0]!);
    expect(validSignatures(signatures, "other")).toEqual([]);
  });
});

describe("canSign", () => {
  const critical = steps({ ...base, tier: "CRITICAL" });
  const director = critical[0]!;
  const principal = critical[1]!;
  const parentPrincipal = critical[2]!;

  it("requires the step's role in the step's department", () => {
    expect(canSign(staff("d", { role: "DIRECTOR", departmentId: BUREAU }), director, noParticipation)).toEqual({ ok: true });
    const otherDept = canSign(staff("d", { role: "DIRECTOR", departmentId: "dept-health" }), director, noParticipation);
    expect(otherDept).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const wrongRole = canSign(staff("p", { role: "PRINCIPAL", departmentId: BUREAU }), director, noParticipation);
    expect(wrongRole).toMatchObject({ ok: false, code: "FORBIDDEN" });
    if (!wrongRole.ok) expect(wrongRole.message).toMatch(/第1步.*办公室主任/);
  });

  it("the bureau's principal is not the parent government's principal", () => {
    const bureauPrincipal = staff("p", { role: "PRINCIPAL", departmentId: BUREAU });
    expect(canSign(bureauPrincipal, principal, noParticipation).ok).toBe(true);
    expect(canSign(bureauPrincipal, parentPrincipal, noParticipation)).toMatchObject({ code: "FORBIDDEN" });
    expect(canSign(staff("m", { role: "PRINCIPAL", departmentId: CITY }), parentPrincipal, noParticipation).ok).toBe(true);
  });

  it("ADMIN and CLERK cannot sign, nor can the system", () => {
    expect(canSign(staff("a", { role: "ADMIN", departmentId: BUREAU }), director, noParticipation).ok).toBe(false);
    expect(canSign(staff("c", { role: "CLERK", departmentId: BUREAU }), director, noParticipation).ok).toBe(false);
    expect(canSign({ kind: "system" }, director, noParticipation)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  describe("separation of duties", () => {
    const d = staff("zhang", { role: "DIRECTOR", departmentId: BUREAU }, { role: "PRINCIPAL", departmentId: BUREAU });

    it("an author or editor of any revision may not sign", () => {
      const r = canSign(d, director, { ...noParticipation, contributorIds: ["li", "zhang"] });
      expect(r).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES" });
      if (!r.ok) expect(r.message).toMatch(/不得审核本人经办/);
    });

    it("the confidentiality reviewer may not also sign", () => {
      const r = canSign(d, director, { ...noParticipation, reviews: [{ reviewerId: "zhang" }] });
      expect(r).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES" });
      if (!r.ok) expect(r.message).toMatch(/保密审查/);
    });

    it("one person never fills two sign-off steps, even holding both roles", () => {
      const r = canSign(d, principal, { ...noParticipation, signatures: [sig("zhang", director)] });
      expect(r).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES" });
      if (!r.ok) expect(r.message).toMatch(/第1步.*第2步/);
    });

    it("after a chain edit renumbered the steps, the signer of a level may re-sign it", () => {
      const oldNumber = { ...sig("zhang", director, "old-hash"), stepNo: 4 };
      expect(canSign(d, director, { ...noParticipation, signatures: [oldNumber] })).toEqual({ ok: true });
    });

    it("the same signer may fill the same step again (re-signing after an edit)", () => {
      const r = canSign(d, director, { ...noParticipation, signatures: [sig("zhang", director, "old-hash")] });
      expect(r).toEqual({ ok: true });
    });

    it("other people's participation does not matter", () => {
      const facts: ApprovalParticipation = {
        contributorIds: ["li"],
        reviews: [{ reviewerId: "wang" }],
        signatures: [sig("zhao", director)],
      };
      expect(canSign(d, principal, facts)).toEqual({ ok: true });
    });
  });
});
