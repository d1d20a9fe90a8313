"use client";

import { useActionState } from "react";
import { removeCalendarDayAction } from "@/app/admin/(staff)/calendar/actions";
import { buttonClasses } from "@/components/ui/button-styles";

/** A one-button form removing a stored day; shows a refusal next to the button. */
export function CalendarRemoveForm({ region, date, label }: { region: string; date: string; label: string }) {
  const [state, action, pending] = useActionState(removeCalendarDayAction, { ok: false });
  return (
    <form action={action} className="inline">
      <input type="hidden" name="region" value={region} />
      <input type="hidden" name="date" value={date} />
      <button type="submit" disabled={pending} className={buttonClasses("ghost", "md", "min-h-0 px-2 py-0")}>
        {pending ? "删除中…" : "删除"}
        <span className="sr-only">{label}</span>
      </button>
      {!state.ok && state.message ? (
        <span role="alert" className="ms-2 text-sm font-medium text-danger">
          ✗ {state.message}
        </span>
      ) : null}
    </form>
  );
}
