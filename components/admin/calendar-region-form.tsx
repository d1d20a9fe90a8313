"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { saveCalendarRegionAction } from "@/app/admin/(staff)/calendar/actions";

/** Add a local region (minority-nationality holidays), or rename one by entering its existing code. */
export function CalendarRegionForm() {
  return (
    <ActionForm action={saveCalendarRegionAction} submitLabel="保存地区" resetOnSuccess>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="code"
          label="地区代码"
          required
          maxLength={32}
          hint="小写字母、数字或连字符，如 yanbian；填写已有代码则修改其名称"
        />
        <TextField name="name" label="地区名称" required maxLength={40} hint="如：延边朝鲜族自治州" />
        <TextField name="sortOrder" label="排序" type="number" hint="数字小的排在前面，可留空" />
      </div>
    </ActionForm>
  );
}
