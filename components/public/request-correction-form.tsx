"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INITIAL_SIMPLE_STATE, type SimpleFormState } from "@/lib/requests/public-form-state";
import { RequestErrorSummary } from "./request-error-summary";
import { RequestTextArea } from "./request-fields";

/** The applicant's 补正 (correction) answered online. */
export function RequestCorrectionForm({ action }: { action: (prev: SimpleFormState, fd: FormData) => Promise<SimpleFormState> }) {
  const [state, formAction, pending] = useActionState(action, INITIAL_SIMPLE_STATE);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(state)}>
      <RequestErrorSummary message={state.message} errors={fe.correction?.[0] ? [{ field: "correction", message: fe.correction[0] }] : []} />
      <RequestTextArea
        name="correction"
        label="补正内容"
        required
        rows={6}
        maxLength={2000}
        value={state.values?.correction}
        error={fe.correction?.[0]}
        hint="请按补正告知书的要求逐项说明。提交后，答复期限自收到补正之日起重新计算。"
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "正在提交…" : "提交补正"}
      </Button>
    </form>
  );
}
