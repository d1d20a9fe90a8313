"use client";

import { useEffect, useRef } from "react";
import { ErrorIcon } from "@/components/ui/icons";
import { fieldId } from "./request-fields";

/**
 * The error summary at the top of a failed form (GOV.UK pattern): a heading
 * with the number of problems and one link per field. It takes focus when it
 * appears (with JavaScript through the effect, without it through autofocus),
 * so keyboard and screen-reader users land on it.
 */
export function RequestErrorSummary({
  message,
  errors,
}: {
  message?: string;
  errors: ReadonlyArray<{ field: string; message: string }>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message, errors]);
  if (!message && errors.length === 0) return null;
  return (
    <div
      ref={ref}
      id="form-errors"
      role="alert"
      tabIndex={-1}
      autoFocus
      aria-labelledby="form-errors-title"
      className="rounded-md border-l-4 border-danger bg-danger-soft p-4 text-ink"
    >
      <p id="form-errors-title" className="flex items-start gap-2 text-lg font-bold">
        <ErrorIcon className="mt-1.5 shrink-0" />
        <span>
          错误：{message ?? "提交的内容有误"}
          {errors.length > 0 ? `（共${errors.length}处）` : ""}
        </span>
      </p>
      {errors.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 ps-8">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={`#${fieldId(e.field)}`} className="text-link underline underline-offset-4">
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
