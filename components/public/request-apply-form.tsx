"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  FORM_LIMITS,
  ID_TYPE_LABELS,
  ID_TYPES,
  ORGANIZATION_SUBTYPE_LABELS,
  ORGANIZATION_SUBTYPES,
  orderFieldErrors,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
} from "@/lib/requests/application-form-schema";
import type { ActionState } from "@/lib/verbs/form-action";
import { RequestErrorSummary } from "./request-error-summary";
import { FormSection, RequestChoiceGroup, RequestSelect, RequestTextArea, RequestTextField } from "./request-fields";

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

/**
 * The online application form (Art. 29). A server action through
 * useActionState: without JavaScript the browser posts the form and the server
 * renders the errors, or redirects to the page with the tracking number and query code.
 */
export function RequestApplyForm({
  action,
  departments,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  departments: ReadonlyArray<{ value: string; label: string }>;
}) {
  // On success the action redirects to the page that shows the number and the code once.
  const [state, formAction, pending] = useActionState(action, { ok: false } satisfies ActionState);

  const fe = state.fieldErrors ?? {};
  const err = (f: string) => fe[f]?.[0];
  const values = state.values ?? {};
  const val = (f: string): string | undefined => values[f];
  const list = (f: string): string[] => {
    const v = values[f];
    return v === undefined ? [] : [v];
  };
  // Remount the inputs after each failed submission so defaultValue shows what was typed.
  const key = `${JSON.stringify(values).length}:${Object.keys(fe).join(",")}`;

  return (
    <form action={formAction} noValidate className="space-y-6" key={key}>
      <RequestErrorSummary message={state.message} errors={orderFieldErrors(fe)} />

      <FormSection title="一、申请人信息" id="sec-applicant">
        <RequestChoiceGroup
          name="applicantType"
          type="radio"
          label="申请人类型"
          required
          options={opts(APPLICANT_TYPES, APPLICANT_TYPE_LABELS)}
          values={list("applicantType")}
          error={err("applicantType")}
        />
        <RequestChoiceGroup
          name="organizationSubtype"
          type="radio"
          label="组织类型（法人或其他组织填写）"
          options={opts(ORGANIZATION_SUBTYPES, ORGANIZATION_SUBTYPE_LABELS)}
          values={list("organizationSubtype")}
          error={err("organizationSubtype")}
        />
        <RequestTextField name="applicantName" label="申请人姓名或组织名称" required maxLength={FORM_LIMITS.applicantName} autoComplete="name" value={val("applicantName")} error={err("applicantName")} />
        <RequestTextField
          name="contactName"
          label="联系人姓名（法人或其他组织填写）"
          maxLength={FORM_LIMITS.contactName}
          value={val("contactName")}
          error={err("contactName")}
        />
        <RequestSelect
          name="idType"
          label="身份证明类型"
          required
          placeholder="请选择"
          options={opts(ID_TYPES, ID_TYPE_LABELS)}
          value={val("idType")}
          error={err("idType")}
          hint="自然人一般填写居民身份证；法人或其他组织填写统一社会信用代码。"
        />
        <RequestTextField
          name="idDocumentName"
          label="证件名称（选择“其他有效身份证件”时填写）"
          maxLength={FORM_LIMITS.idDocumentName}
          value={val("idDocumentName")}
          error={err("idDocumentName")}
          hint="例如：护照、港澳居民来往内地通行证。"
        />
        <RequestTextField
          name="idNumber"
          label="证件号码"
          required
          maxLength={FORM_LIMITS.idNumber}
          autoComplete="off"
          value={val("idNumber")}
          error={err("idNumber")}
          hint="居民身份证号码和统一社会信用代码均为18位，系统会核对最后一位校验码。"
        />
        <RequestTextField name="phone" type="tel" label="联系电话" required maxLength={FORM_LIMITS.phone} autoComplete="tel" value={val("phone")} error={err("phone")} />
        <RequestTextField
          name="email"
          type="email"
          label="电子邮箱"
          maxLength={FORM_LIMITS.email}
          autoComplete="email"
          value={val("email")}
          error={err("email")}
          hint="填写后，系统会把申请编号和查询码发送到该邮箱；选择以电子邮件提供或获取信息的必须填写。"
        />
        <RequestTextField name="address" label="通信地址" maxLength={FORM_LIMITS.address} autoComplete="street-address" value={val("address")} error={err("address")} hint="选择邮寄的必须填写。" />
        <RequestTextField name="postalCode" label="邮政编码" maxLength={FORM_LIMITS.postalCode} inputMode="numeric" autoComplete="postal-code" value={val("postalCode")} error={err("postalCode")} />
      </FormSection>

      <FormSection title="二、所需政府信息" id="sec-information">
        <Alert tone="info" role="none" title="一事一申请">
          每份申请只填写一项政府信息（或内容密切相关的一组信息）。需要多项信息的，请分别提交申请。
        </Alert>
        <RequestSelect name="targetDepartmentId" label="受理机关" required placeholder="请选择向哪个机关申请" options={departments} value={val("targetDepartmentId")} error={err("targetDepartmentId")} />
        <RequestTextArea
          name="description"
          label="所需信息的名称或内容描述"
          required
          rows={6}
          maxLength={FORM_LIMITS.description}
          value={val("description")}
          error={err("description")}
          hint="请尽量写明信息的名称、制作时间、涉及的事项或地点等特征，便于准确检索。"
        />
        <RequestTextField name="documentRef" label="文号（知道的请填写）" maxLength={FORM_LIMITS.documentRef} value={val("documentRef")} error={err("documentRef")} hint="例如：青政发〔2025〕12号。" />
      </FormSection>

      <FormSection title="三、信息的提供形式和获取方式" id="sec-delivery">
        <RequestChoiceGroup name="provisionForms" type="checkbox" label="所需信息的提供形式（可多选）" required options={opts(PROVISION_FORMS, PROVISION_FORM_LABELS)} values={list("provisionForms")} error={err("provisionForms")} />
        <RequestTextField name="provisionFormOther" label="其他提供形式（选择“其他”时填写）" maxLength={FORM_LIMITS.provisionFormOther} value={val("provisionFormOther")} error={err("provisionFormOther")} />
        <RequestChoiceGroup name="deliveryMethods" type="checkbox" label="获取信息的方式（可多选）" required options={opts(DELIVERY_METHODS, DELIVERY_METHOD_LABELS)} values={list("deliveryMethods")} error={err("deliveryMethods")} />
      </FormSection>

      <FormSection title="四、需要的帮助（《条例》第四十三条）" id="sec-help">
        <RequestChoiceGroup
          name="needsAssistance"
          type="checkbox"
          label="是否需要帮助"
          options={[{ value: "on", label: "我有阅读困难或者视听障碍，需要行政机关提供必要的帮助" }]}
          values={list("needsAssistance")}
          error={err("needsAssistance")}
        />
        <RequestTextArea name="assistanceNote" label="需要什么帮助（勾选上一项时填写）" rows={3} maxLength={FORM_LIMITS.assistanceNote} value={val("assistanceNote")} error={err("assistanceNote")} hint="例如：需要大字版答复、需要工作人员电话告知内容、需要手语翻译等。" />
      </FormSection>

      <div className="space-y-3 rounded-lg border border-line bg-surface p-5">
        <p className="text-ink-soft">
          提交后页面会显示<strong>申请编号</strong>和<strong>查询码</strong>。提交在线申请的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项），工作人员确认后开始计算答复期限。
          个人信息仅用于办理本申请。
        </p>
        <Button type="submit" size="lg" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? "正在提交…" : "提交申请"}
        </Button>
        <p className="text-sm text-muted">
          已经提交过？请到<Link href="/ysqgk/track" className="text-link underline underline-offset-4">办理进度查询</Link>。
        </p>
      </div>
    </form>
  );
}

