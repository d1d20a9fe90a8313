"use client";

import { useId, useState, type ChangeEvent } from "react";
import { useFormState } from "@/components/forms/action-form";
import { uploadSelectionProblem } from "@/lib/disclosure/upload-limits";

/**
 * A labelled multi-file input for attachments that shows the action's errors for it.
 * With `maxMb`, a selection over the upload limits is refused here, in Chinese: a body
 * over the server's per-request limit is rejected by Next before the action runs, so the
 * clerk would otherwise get no message at all.
 */
export function DisclosureFileField({
  name = "attachments",
  label,
  hint,
  maxMb,
}: {
  name?: string;
  label: string;
  hint: string;
  maxMb?: number;
}) {
  const id = useId();
  const state = useFormState();
  const [selectionProblem, setSelectionProblem] = useState<string | null>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    if (!maxMb) return;
    const problem = uploadSelectionProblem([...(e.currentTarget.files ?? [])], maxMb);
    // Clearing the input keeps the refused files out of the submission.
    if (problem) e.currentTarget.value = "";
    setSelectionProblem(problem);
  };
  const errors = [...(selectionProblem ? [selectionProblem] : []), ...(state.fieldErrors?.[name] ?? [])];
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        onChange={onChange}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.jpg,.jpeg,.png"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ""}`}
        className="block w-full rounded border border-gray-500 bg-white px-3 py-2 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">
        {hint}
      </p>
      {errors.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          ✗ {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

/** Shows errors for a field that has no input of its own (e.g. "_form"). */
export function DisclosureFieldErrors({ name }: { name: string }) {
  const errors = useFormState().fieldErrors?.[name];
  return errors?.length ? <p className="text-sm font-medium text-red-800">✗ {errors.join("；")}</p> : null;
}
