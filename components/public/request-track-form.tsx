"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INITIAL_SIMPLE_STATE, type SimpleFormState } from "@/lib/requests/public-form-state";
import { RequestErrorSummary } from "./request-error-summary";
import { RequestTextField } from "./request-fields";

/** Tracking number + query code (POST; the code never appears in a URL). */
export function RequestTrackForm({
  action,
  defaultTrackingNo,
}: {
  action: (prev: SimpleFormState, fd: FormData) => Promise<SimpleFormState>;
  defaultTrackingNo?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_SIMPLE_STATE);
  const fe = state.fieldErrors ?? {};
  const errors = (["trackingNo", "queryCode"] as const).flatMap((f) => (fe[f]?.[0] ? [{ field: f, message: fe[f][0] }] : []));
  return (
    <form action={formAction} noValidate className="space-y-5 rounded-lg border border-line bg-surface p-5 sm:p-6" key={JSON.stringify(state)}>
      <RequestErrorSummary message={state.message} errors={errors} />
      <RequestTextField
        name="trackingNo"
        label="申请编号"
        required
        maxLength={40}
        autoComplete="off"
        value={state.values?.trackingNo ?? defaultTrackingNo ?? ""}
        error={fe.trackingNo?.[0]}
        hint="例如：YSQ-2026-000123"
      />
      <RequestTextField name="queryCode" label="查询码" required maxLength={40} autoComplete="off" error={fe.queryCode?.[0]} hint="提交申请时显示的10位查询码（字母不区分大小写）。" />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "正在查询…" : "查询"}
      </Button>
    </form>
  );
}
