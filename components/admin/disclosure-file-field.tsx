"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

/** A labelled multi-file input for attachments that shows the action's errors for it. */
export function DisclosureFileField({ name = "attachments", label, hint }: { name?: string; label: string; hint: string }) {
  const id = useId();
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
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
        accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.jpg,.jpeg,.png"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
        className="block w-full rounded border border-gray-500 bg-white px-3 py-2 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">
        {hint}
      </p>
      {errors?.length ? (
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
