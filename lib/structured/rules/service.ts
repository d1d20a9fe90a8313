// 办事指南 (Art. 20(五)): one service's data. Pure.

import { z } from "zod";
import { cells, id, intField, lines, optText, optUrl, text } from "./common";

export const SERVICE_KINDS = ["LICENSING", "PUBLIC_SERVICE"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, string>> = { LICENSING: "行政许可", PUBLIC_SERVICE: "公共服务" };

export const MATERIAL_FORMS = ["原件", "复印件", "原件和复印件", "电子版"] as const;

export const materialSchema = z.object({
  name: text("材料名称", 200),
  form: z.enum(MATERIAL_FORMS, { error: "材料形式须为：原件、复印件、原件和复印件或电子版" }),
  copies: intField("份数", 0, 99, "份"),
  format: optText("材料格式", 100),
  source: optText("材料来源", 200),
});
export const stepSchema = z.object({
  name: text("环节名称", 100),
  unit: text("承办单位", 100),
  timeLimit: text("办理时限", 50),
});
export type ServiceStep = z.output<typeof stepSchema>;
export type ServiceMaterial = z.output<typeof materialSchema>;

export const serviceSchema = z
  .object({
    name: text("事项名称", 200),
    code: text("事项编码", 60),
    kind: z.enum(SERVICE_KINDS, { error: "请选择事项类型" }).default("PUBLIC_SERVICE"),
    departmentId: id("实施机构"),
    legalBasis: text("设定依据", 3000),
    conditions: text("申请条件", 3000),
    materials: z.array(materialSchema).default([]),
    place: text("办理地点", 200),
    hours: text("办理时间", 200),
    phone: text("咨询电话", 100),
    onlineUrl: optUrl("网上办理地址"),
    steps: z.array(stepSchema).min(1, { error: "办事指南必须至少包含一个办理环节（办理流程不能为空）" }),
    promisedDays: intField("承诺时限", 0, 3650, "个工作日"),
    statutoryDays: intField("法定时限", 0, 3650, "个工作日"),
    feeItemIds: z.array(z.string().trim().min(1)).default([]),
    progressQuery: optText("办理进度查询方式", 500),
    complaints: optText("监督投诉渠道", 500),
  })
  .superRefine((v, ctx) => {
    if (v.promisedDays > v.statutoryDays) {
      ctx.addIssue({ code: "custom", path: ["promisedDays"], message: "承诺时限不能长于法定时限" });
    }
  });
export type ServiceInput = z.input<typeof serviceSchema>;
export type ServiceData = z.output<typeof serviceSchema>;

/** "名称｜原件/复印件｜份数｜格式｜来源" per line. */
export function parseMaterialLines(s: string | undefined | null) {
  return lines(s).map((l) => {
    const [name = "", form = "原件", copies = "1", format = "", source = ""] = cells(l);
    return { name, form, copies, format, source };
  });
}
/** "环节名称｜承办单位｜时限" per line. */
export function parseStepLines(s: string | undefined | null) {
  return lines(s).map((l) => {
    const [name = "", unit = "", timeLimit = ""] = cells(l);
    return { name, unit, timeLimit };
  });
}
export const materialLines = (m: readonly ServiceMaterial[]) =>
  m.map((x) => [x.name, x.form, x.copies, x.format, x.source].join("｜")).join("\n");
export const stepLines = (s: readonly ServiceStep[]) => s.map((x) => [x.name, x.unit, x.timeLimit].join("｜")).join("\n");
