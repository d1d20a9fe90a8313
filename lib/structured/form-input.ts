// HTML form values → the raw input of each kind's zod schema. Lists are typed one per line
// ("a｜b｜c"), which works without JavaScript. Pure.

import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { parseLegalBasisLines } from "./rules/fee";
import { parseUnitLines } from "./rules/profile";
import { parseMaterialLines, parseStepLines } from "./rules/service";

type Form = Record<string, unknown>;
const s = (v: unknown) => (typeof v === "string" ? v : "");
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(s) : typeof v === "string" && v ? [v] : []).filter(Boolean);

export function rawFromForm(kind: StructuredKind, f: Form): Record<string, unknown> {
  switch (kind) {
    case "FEE":
      return {
        name: s(f.name),
        code: s(f.code),
        departmentId: s(f.departmentId),
        legalBases: parseLegalBasisLines(s(f.legalBases)),
        amount: s(f.amount),
        formula: s(f.formula),
        unit: s(f.unit),
        rangeMin: s(f.rangeMin),
        rangeMax: s(f.rangeMax),
        note: s(f.note),
        payer: s(f.payer),
        reductions: s(f.reductions),
        validFrom: s(f.validFrom),
        validUntil: s(f.validUntil),
        status: s(f.status) || "VALID",
        cancelledOn: s(f.cancelledOn),
        successorItemId: s(f.successorItemId),
      };
    case "LEADER":
      return {
        departmentId: s(f.departmentId),
        name: s(f.name),
        title: s(f.title),
        photoId: s(f.photoId),
        duties: s(f.duties),
        oversees: list(f.oversees),
        cv: s(f.cv),
        sortOrder: s(f.sortOrder) || "0",
        termStart: s(f.termStart),
        termEnd: s(f.termEnd),
      };
    case "SERVICE":
      return {
        name: s(f.name),
        code: s(f.code),
        kind: s(f.kind) || "PUBLIC_SERVICE",
        departmentId: s(f.departmentId),
        legalBasis: s(f.legalBasis),
        conditions: s(f.conditions),
        materials: parseMaterialLines(s(f.materials)),
        place: s(f.place),
        hours: s(f.hours),
        phone: s(f.phone),
        onlineUrl: s(f.onlineUrl),
        steps: parseStepLines(s(f.steps)),
        promisedDays: s(f.promisedDays),
        statutoryDays: s(f.statutoryDays),
        feeItemIds: list(f.feeItemIds),
        progressQuery: s(f.progressQuery),
        complaints: s(f.complaints),
      };
    case "DEPARTMENT_PROFILE":
      return {
        departmentId: s(f.departmentId),
        functions: s(f.functions),
        units: parseUnitLines(s(f.units)),
        address: s(f.address),
        officeHours: s(f.officeHours),
        phone: s(f.phone),
        fax: s(f.fax),
        email: s(f.email),
        postalCode: s(f.postalCode),
        headName: s(f.headName),
        mapUrl: s(f.mapUrl),
      };
    case "GUIDE":
      return {
        departmentId: s(f.departmentId),
        intro: s(f.intro),
        proactiveChannels: s(f.proactiveChannels),
        requestNotes: s(f.requestNotes),
        feesPolicy: s(f.feesPolicy),
        remedies: s(f.remedies),
      };
  }
}

/** Field errors keyed "legalBases.0.title" → "legalBases", so the form field shows them. */
export function collapseFieldErrors(fe: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fe ?? {})) {
    const top = k.split(".")[0] ?? k;
    const key = top === "photoId" ? "photo" : top;
    out[key] = [...new Set([...(out[key] ?? []), ...v])];
  }
  return out;
}
