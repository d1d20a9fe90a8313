// 机构职能 (Art. 20(二)): a department's functions, internal units and contacts. Pure.

import { z } from "zod";
import { cells, id, lines, optText, optUrl, text } from "./common";

export const unitSchema = z.object({ name: text("内设机构名称", 100), duties: text("内设机构职责", 2000) });
export type InternalUnit = z.output<typeof unitSchema>;

export const profileSchema = z.object({
  departmentId: id("机构"),
  functions: text("主要职能", 10000),
  units: z.array(unitSchema).default([]),
  address: text("办公地址", 200),
  officeHours: text("办公时间", 200),
  phone: text("联系电话", 100),
  fax: optText("传真", 100),
  email: optText("电子邮箱", 100).refine((s) => s === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: "电子邮箱格式不正确" }),
  postalCode: optText("邮政编码", 6).refine((s) => s === "" || /^\d{6}$/.test(s), { error: "邮政编码须为6位数字" }),
  headName: text("负责人姓名", 30),
  mapUrl: optUrl("地图链接"),
});
export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileData = z.output<typeof profileSchema>;

/** "内设机构名称｜职责" per line. */
export function parseUnitLines(s: string | undefined | null) {
  return lines(s).map((l) => {
    const [name = "", ...rest] = cells(l);
    return { name, duties: rest.join("；") };
  });
}
export const unitLines = (u: readonly InternalUnit[]) => u.map((x) => `${x.name}｜${x.duties}`).join("\n");
