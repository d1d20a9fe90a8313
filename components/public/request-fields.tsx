// Labelled inputs for the public request forms. Each shows its own error
// (icon + the word 错误, never colour alone) linked by aria-describedby, and has
// an id `field-<name>` that the error summary links to. Server-renderable
// (no hooks), so they work without JavaScript.
import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { cx } from "@/components/ui/cx";

export const fieldId = (name: string) => `field-${name}`;
const errorId = (name: string) => `${fieldId(name)}-error`;
const hintId = (name: string) => `${fieldId(name)}-hint`;

const inputClass =
  "block w-full rounded-md border-2 border-line bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger";

type Base = {
  name: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
};

function describedBy(name: string, hint: unknown, error?: string): string | undefined {
  return [hint ? hintId(name) : "", error ? errorId(name) : ""].filter(Boolean).join(" ") || undefined;
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-bold text-ink">
      {label}
      {required ? <span className="ms-1 text-danger">（必填）</span> : <span className="ms-1 font-normal text-muted">（选填）</span>}
    </label>
  );
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <p id={hintId(name)} className="mt-1 text-sm text-muted">
      {hint}
    </p>
  ) : null;
}

export function RequestTextField(
  p: Base & { value?: string; type?: "text" | "email" | "tel"; maxLength?: number; autoComplete?: string; inputMode?: "numeric" | "text" | "tel" | "email" },
) {
  const id = fieldId(p.name);
  return (
    <div>
      <Label htmlFor={id} label={p.label} required={p.required} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        defaultValue={p.value ?? ""}
        maxLength={p.maxLength}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        className={inputClass}
      />
      <Hint name={p.name} hint={p.hint} />
      <FieldError id={errorId(p.name)} message={p.error} />
    </div>
  );
}

export function RequestTextArea(p: Base & { value?: string; rows?: number; maxLength?: number }) {
  const id = fieldId(p.name);
  return (
    <div>
      <Label htmlFor={id} label={p.label} required={p.required} />
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        defaultValue={p.value ?? ""}
        maxLength={p.maxLength}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        className={inputClass}
      />
      <Hint name={p.name} hint={p.hint} />
      <FieldError id={errorId(p.name)} message={p.error} />
    </div>
  );
}

export function RequestSelect(p: Base & { value?: string; options: ReadonlyArray<{ value: string; label: string }>; placeholder: string }) {
  const id = fieldId(p.name);
  return (
    <div>
      <Label htmlFor={id} label={p.label} required={p.required} />
      <select
        id={id}
        name={p.name}
        defaultValue={p.value ?? ""}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        className={inputClass}
      >
        <option value="">{p.placeholder}</option>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint name={p.name} hint={p.hint} />
      <FieldError id={errorId(p.name)} message={p.error} />
    </div>
  );
}

/** Radio buttons (type="radio") or a checkbox group (type="checkbox") in a fieldset with a legend. */
export function RequestChoiceGroup(
  p: Base & { type: "radio" | "checkbox"; options: ReadonlyArray<{ value: string; label: string }>; values?: readonly string[] },
) {
  const describe = describedBy(p.name, p.hint, p.error);
  return (
    <fieldset aria-describedby={describe} aria-invalid={p.error ? true : undefined}>
      <legend className="mb-1 font-bold text-ink">
        {p.label}
        {p.required ? <span className="ms-1 text-danger">（必填）</span> : <span className="ms-1 font-normal text-muted">（选填）</span>}
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {p.options.map((o, i) => (
          <label key={o.value} className="inline-flex min-h-11 items-center gap-2">
            <input
              id={i === 0 ? fieldId(p.name) : `${fieldId(p.name)}-${o.value}`}
              type={p.type}
              name={p.name}
              value={o.value}
              defaultChecked={p.values?.includes(o.value)}
              className="h-5 w-5 accent-brand"
            />
            {o.label}
          </label>
        ))}
      </div>
      <Hint name={p.name} hint={p.hint} />
      <FieldError id={errorId(p.name)} message={p.error} />
    </fieldset>
  );
}

export function FormSection({ title, id, children, className }: { title: string; id: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={cx("space-y-5 rounded-lg border border-line bg-surface p-5 sm:p-6", className)}>
      <h2 id={id} className="text-xl font-bold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}
