// 政府信息公开指南 (Art. 12): the editable prose plus a snapshot of what is generated from
// live data (category tree, on-request channels, the disclosure office) when a version is
// saved — so the version that is signed off is exactly the version that is shown. Pure.

import { z } from "zod";
import { id, optText, text } from "./common";

export const guideProseSchema = z.object({
  departmentId: id("政府"),
  intro: text("概述", 3000),
  proactiveChannels: text("主动公开渠道", 3000),
  requestNotes: text("依申请公开说明", 5000),
  feesPolicy: text("收费说明", 2000),
  remedies: optText("监督和救济", 2000),
});
export type GuideProse = z.output<typeof guideProseSchema>;

export type GuideCategory = { code: string; name: string; article: string; depth: number };
export type GuideOffice = {
  name: string;
  address: string;
  postalCode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
};

export type GuideData = GuideProse & {
  /** Generated at save time from the category tree. */
  categories: GuideCategory[];
  /** The 政府信息公开工作机构 (the government's OFFICE department). */
  office: GuideOffice;
  /** On-request channels: every department that accepts applications, with its address. */
  requestPoints: GuideOffice[];
};
