"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Hidden } from "@/components/forms/field";
import { markCalendarYearAction } from "@/app/admin/(staff)/calendar/actions";

/** Mark a region's year as loaded (or withdraw the mark). */
export function CalendarYearForm({ region, year, loaded }: { region: string; year: number; loaded: boolean }) {
  return (
    <ActionForm action={markCalendarYearAction} submitLabel={loaded ? `取消 ${year} 年的“已载入”标记` : `将 ${year} 年标记为已载入`}>
      <Hidden name="region" value={region} />
      <Hidden name="year" value={String(year)} />
      <Hidden name="loaded" value={loaded ? "false" : "true"} />
    </ActionForm>
  );
}
