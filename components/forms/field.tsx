"use client";

import { useId, type ReactNode } from "react";
import { useFormState } from "./action-form";

// Labelled inputs that show their own errors from the surrounding ActionForm,
// linked with aria-describedby and aria-invalid.

const inputClass =
  "block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-[invalid=true]:border-red-700";

type Common = { name: string; label: string; required?: boolean; hint?: ReactNode; defaultValue?: string };

function useField(name: string, defaultValue?: string) {
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
  const value = !state.ok && state.values && name in state.values ? state.values[name] : defaultValue;
  return { errors, value };
}

function Shell({
  id,
  label,
  required,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
        {required ? (
          <span className="ml-1 text-red-800" aria-hidden="true">
            *
          </span>
        ) : null}
        {required ? <span className="sr-only">（必填）</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          ✗ {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function TextField(
  p: Common & {
    type?: "text" | "password" | "email" | "tel" | "number" | "date" | "datetime-local" | "url";
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  return (
    <Shell id={id} label={p.label} required={p.required} hint={p.hint} errors={errors}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        defaultValue={p.type === "password" ? undefined : value}
        key={p.type === "password" ? undefined : value}
        autoComplete={p.autoComplete}
        maxLength={p.maxLength}
        aria-required={p.required || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, p.hint, errors)}
        className={inputClass}
      />
    </Shell>
  );
}

export function TextArea(p: Common & { rows?: number; maxLength?: number }) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  return (
    <Shell id={id} label={p.label} required={p.required} hint={p.hint} errors={errors}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        defaultValue={value}
        key={value}
        maxLength={p.maxLength}
        aria-required={p.required || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, p.hint, errors)}
        className={inputClass}
      />
    </Shell>
  );
}

export function SelectField(p: Common & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  return (
    <Shell id={id} label={p.label} required={p.required} hint={p.hint} errors={errors}>
      <select
        id={id}
        name={p.name}
        defaultValue={value ?? ""}
        key={value}
        aria-required={p.required || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, p.hint, errors)}
        className={inputClass}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A group of checkboxes sharing one name; errors attach to the fieldset. */
export function CheckboxGroup(p: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  defaultValues?: string[];
  required?: boolean;
}) {
  const state = useFormState();
  const errors = state.fieldErrors?.[p.name];
  const id = useId();
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="mb-1 font-medium">
        {p.legend}
        {p.required ? (
          <span className="ml-1 text-red-800" aria-hidden="true">
            *
          </span>
        ) : null}
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {p.options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              name={p.name}
              value={o.value}
              defaultChecked={p.defaultValues?.includes(o.value)}
              className="h-5 w-5 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
            />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          ✗ {errors.join("；")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}
