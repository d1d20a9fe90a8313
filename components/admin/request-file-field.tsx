"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

/** A labelled file input that shows its field error from the surrounding ActionForm. */
export function RequestFileField({ name, label, accept }: { name: string; label: string; accept: string }) {
  const id = useId();
  const errors = useFormState().fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="block w-full"
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          ✗ {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}
