"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextField } from "@/components/forms/field";
import { saveCalendarDayAction } from "@/app/admin/(staff)/calendar/actions";

/** Add a day, or edit the day already stored for a date (same form, keyed by date). */
export function CalendarDayForm({ region, date, kind, name }: { region: string; date?: string; kind?: string; name?: string }) {
  return (
    <ActionForm action={saveCalendarDayAction} submitLabel={date ? "保存修改" : "添加日期"}>
      <Hidden name="region" value={region} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="date" label="日期" type="date" required defaultValue={date} hint="格式 YYYY-MM-DD；已有记录的日期将被修改" />
        <SelectField
          name="kind"
          label="类型"
          required
          defaultValue={kind}
          placeholder="请选择"
          options={[
            { value: "HOLIDAY", label: "放假（节假日）" },
            { value: "WORKDAY", label: "调休上班" },
          ]}
        />
        <TextField name="name" label="名称" required defaultValue={name} maxLength={40} hint="例如：春节、国庆节、肉孜节" />
      </div>
    </ActionForm>
  );
}
