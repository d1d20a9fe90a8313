// Per-kind configuration of the structured disclosures: the catalogue category each kind is
// filed under, how its title and summary are made, and which renderer makes its body.

import type { StructuredKind } from "@/lib/generated/prisma/enums";
import type { z } from "zod";
import { renderFee, renderGuide, renderLeader, renderProfile, renderService, type RenderNames } from "./render";
import { describeStandard, feeSchema, type FeeData } from "./rules/fee";
import { guideProseSchema, type GuideData } from "./rules/guide";
import { leaderSchema, type LeaderData } from "./rules/leader";
import { profileSchema, type ProfileData } from "./rules/profile";
import { serviceSchema, type ServiceData } from "./rules/service";

export type { StructuredKind };

export type DataOf<K extends StructuredKind> = K extends "FEE"
  ? FeeData
  : K extends "LEADER"
    ? LeaderData
    : K extends "SERVICE"
      ? ServiceData
      : K extends "DEPARTMENT_PROFILE"
        ? ProfileData
        : GuideData;

type KindConfig<K extends StructuredKind> = {
  label: string;
  /** Category code (lib/seed/categories.ts). */
  categoryCode: string;
  schema: z.ZodType;
  title: (d: DataOf<K>, n: RenderNames) => string;
  summary: (d: DataOf<K>, n: RenderNames) => string;
  render: (d: DataOf<K>, n: RenderNames) => string;
  keywords: string[];
};

export const KINDS: { readonly [K in StructuredKind]: KindConfig<K> } = {
  FEE: {
    label: "收费项目",
    categoryCode: "A08",
    schema: feeSchema,
    title: (d: FeeData) => d.name,
    summary: (d: FeeData, n) => `${n.departments[d.departmentId] ?? ""}收取的“${d.name}”，收费标准：${describeStandard(d)}。`,
    render: (d: FeeData, n) => renderFee(d, n),
    keywords: ["收费", "行政事业性收费"],
  },
  DEPARTMENT_PROFILE: {
    label: "机构职能",
    categoryCode: "A02",
    schema: profileSchema,
    title: (d: ProfileData, n) => `${n.departments[d.departmentId] ?? ""}机构职能`,
    summary: (d: ProfileData, n) =>
      `${n.departments[d.departmentId] ?? ""}的主要职能、内设机构、办公地址、办公时间、联系方式和负责人姓名。`,
    render: (d: ProfileData, n) => renderProfile(d, n),
    keywords: ["机构职能"],
  },
  LEADER: {
    label: "领导分工",
    categoryCode: "A02",
    schema: leaderSchema,
    title: (d: LeaderData) => `${d.name}（${d.title}）`,
    summary: (d: LeaderData, n) => `${n.departments[d.departmentId] ?? ""}${d.title}${d.name}的工作分工。`,
    render: (d: LeaderData, n) => renderLeader(d, n),
    keywords: ["领导分工"],
  },
  SERVICE: {
    label: "办事指南",
    categoryCode: "A0502",
    schema: serviceSchema,
    title: (d: ServiceData) => `${d.name}办事指南`,
    summary: (d: ServiceData, n) => `${n.departments[d.departmentId] ?? ""}办理“${d.name}”的依据、条件、材料、流程和时限。`,
    render: (d: ServiceData, n) => renderService(d, n),
    keywords: ["办事指南"],
  },
  GUIDE: {
    label: "政府信息公开指南",
    categoryCode: "A15",
    schema: guideProseSchema,
    title: (d: GuideData, n) => `${n.departments[d.departmentId] ?? ""}政府信息公开指南`,
    summary: (d: GuideData, n) => `${n.departments[d.departmentId] ?? ""}政府信息公开的分类与编排、获取方式和工作机构。`,
    render: (d: GuideData, n) => renderGuide(d, n),
    keywords: ["公开指南"],
  },
};

export const KIND_SLUGS: Record<StructuredKind, string> = {
  FEE: "fees",
  DEPARTMENT_PROFILE: "functions",
  LEADER: "leaders",
  SERVICE: "services",
  GUIDE: "guide",
};

/** A record's data as its kind's type: stored data was validated by the kind's schema when saved. */
export type KindData = { [K in StructuredKind]: { kind: K; data: DataOf<K> } }[StructuredKind];

/** Pairs prepared (validated) data with its kind, for the per-kind functions below. */
export function kindData(kind: StructuredKind, data: unknown): KindData {
  // prepareData / the stored JSON went through KINDS[kind].schema; this only names the type.
  return { kind, data } as KindData;
}

/** Title, summary and body of a record, by its kind's configuration. */
export function describeRecord(kd: KindData, n: RenderNames): { title: string; summary: string; body: string } {
  switch (kd.kind) {
    case "FEE":
      return describeWith(KINDS.FEE, kd.data, n);
    case "DEPARTMENT_PROFILE":
      return describeWith(KINDS.DEPARTMENT_PROFILE, kd.data, n);
    case "LEADER":
      return describeWith(KINDS.LEADER, kd.data, n);
    case "SERVICE":
      return describeWith(KINDS.SERVICE, kd.data, n);
    case "GUIDE":
      return describeWith(KINDS.GUIDE, kd.data, n);
  }
}

function describeWith<K extends StructuredKind>(k: KindConfig<K>, d: DataOf<K>, n: RenderNames) {
  return { title: k.title(d, n), summary: k.summary(d, n), body: k.render(d, n) };
}

/** Stored data for a form's defaults (a partial of the kind's data), or null for a new record. */
export function formDataOf<K extends StructuredKind>(_kind: K, data: unknown): Partial<DataOf<K>> | null {
  return data !== null && typeof data === "object" ? data : null;
}
