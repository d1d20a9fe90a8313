"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/verbs/form-action";

// A form bound to a server action through useActionState: it shows the
// action's message (role=alert on failure, role=status on success), keeps what
// was typed after a failure, and gives each Field its own error.

const FormStateContext = createContext<ActionState>({ ok: false });
export const useFormState = () => useContext(FormStateContext);

export function ActionForm({
  action,
  children,
  submitLabel = "保存",
  className = "",
  resetOnSuccess = false,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  children: ReactNode;
  submitLabel?: string;
  className?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const ref = useRef<HTMLFormElement>(null);
  const msgRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) ref.current?.reset();
    if (state.message) msgRef.current?.focus();
  }, [state, resetOnSuccess]);
  return (
    <form ref={ref} action={formAction} noValidate className={`space-y-4 ${className}`}>
      <FormStateContext.Provider value={state}>
        {state.message ? (
          <p
            ref={msgRef}
            tabIndex={-1}
            role={state.ok ? "status" : "alert"}
            className={`rounded border-l-4 px-4 py-3 ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            <span className="font-bold">{state.ok ? "✓ 成功：" : "✗ 未能保存："}</span>
            {state.message}
          </p>
        ) : null}
        {children}
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-800 px-5 py-2 font-medium text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
        >
          {pending ? "提交中…" : submitLabel}
        </button>
      </FormStateContext.Provider>
    </form>
  );
}
