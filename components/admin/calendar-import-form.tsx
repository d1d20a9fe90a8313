"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import { importCalendarYearAction } from "@/app/admin/(staff)/calendar/actions";

/** Import a year's schedule (replaces that year's rows of the region, all or nothing). */
export function CalendarImportForm({
  region,
  year,
  coveredYears,
  national,
}: {
  region: string;
  year: number;
  coveredYears: string;
  national: boolean;
}) {
  return (
    <ActionForm action={importCalendarYearAction} submitLabel="导入">
      <Hidden name="region" value={region} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="year" label="年份" type="number" required defaultValue={String(year)} />
        <SelectField
          name="source"
          label="来源"
          required
          defaultValue={national ? "chinese-days" : "paste"}
          options={[
            ...(national ? [{ value: "chinese-days", label: `chinese-days 数据包（全国，收录 ${coveredYears} 年）` }] : []),
            { value: "paste", label: "粘贴列表" },
          ]}
        />
      </div>
      <TextArea
        name="text"
        label="粘贴列表（来源选“粘贴列表”时填写）"
        rows={8}
        hint={
          <>
            每行一天：<code>YYYY-MM-DD,HOLIDAY|WORKDAY,名称</code>，HOLIDAY 为放假，WORKDAY 为调休上班；以 # 开头的行忽略。
            任何一行有误则整批不导入。导入将替换该地区该年份的全部记录。
          </>
        }
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="markLoaded" defaultChecked className="h-5 w-5" />
        导入后标记该年份为“已载入”（放假安排已完整公布）
      </label>
    </ActionForm>
  );
}
