"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, SelectField, TextArea, TextField } from "@/components/forms/field";
import type { ActionState } from "@/lib/verbs/form-action";

type Opt = { value: string; label: string };

/** Staff registration of an application received on paper / in person / by post, fax or e-mail. */
export function RequestRegisterForm({
  action,
  departments,
  options,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  departments: Opt[];
  options: { channels: Opt[]; applicantTypes: Opt[]; subtypes: Opt[]; idTypes: Opt[]; forms: Opt[]; deliveries: Opt[] };
}) {
  return (
    <ActionForm action={action} submitLabel="登记申请">
      <fieldset className="space-y-4 rounded border border-gray-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">收件方式与日期（《条例》第三十一条）</legend>
        <SelectField name="channel" label="申请提交方式" required options={options.channels} placeholder="请选择" />
        <TextField name="submittedOn" type="date" label="提交（当面递交或寄出）日期" hint="当面提交的，以提交之日为收到申请之日" />
        <TextField name="signedForOn" type="date" label="本机关签收日期" hint="邮寄（需签收）的，以签收之日为收到申请之日" />
        <TextField name="arrivedOn" type="date" label="收到信函日期" hint="平常信函：收到当日应与申请人确认" />
        <TextField
          name="confirmedOn"
          type="date"
          label="与申请人确认日期"
          hint="平常信函、传真、电子邮件：以双方确认之日为收到申请之日；尚未确认的留空，登记为待确认"
        />
      </fieldset>
      <fieldset className="space-y-4 rounded border border-gray-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">申请人信息</legend>
        <SelectField name="applicantType" label="申请人类型" required options={options.applicantTypes} placeholder="请选择" />
        <SelectField name="organizationSubtype" label="法人或其他组织类别" options={options.subtypes} placeholder="（自然人不填）" />
        <TextField name="applicantName" label="申请人姓名或名称" required maxLength={100} />
        <TextField name="contactName" label="联系人（法人或其他组织填写）" maxLength={50} />
        <SelectField name="idType" label="身份证明类型" required options={options.idTypes} placeholder="请选择" />
        <TextField name="idDocumentName" label="证件名称（其他证件时填写）" maxLength={50} />
        <TextField name="idNumber" label="证件号码" required maxLength={40} hint="身份证号码和统一社会信用代码会核对校验位" />
        <TextField name="phone" type="tel" label="联系电话" maxLength={40} />
        <TextField name="email" type="email" label="电子邮箱" maxLength={200} />
        <TextField name="address" label="通信地址" maxLength={200} />
        <TextField name="postalCode" label="邮政编码" maxLength={6} />
      </fieldset>
      <fieldset className="space-y-4 rounded border border-gray-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">所需政府信息</legend>
        <SelectField name="targetDepartmentId" label="受理机关" required options={departments} placeholder="请选择" />
        <TextArea name="description" label="所需政府信息的名称或内容描述" required rows={4} maxLength={2000} />
        <TextField name="documentRef" label="文号（如知道）" maxLength={200} />
        <CheckboxGroup name="provisionForms" legend="信息的载体形式" required options={options.forms} />
        <TextField name="provisionFormOther" label="其他载体形式" maxLength={100} />
        <CheckboxGroup name="deliveryMethods" legend="获取信息的方式" required options={options.deliveries} />
        <CheckboxGroup
          name="needsAssistance"
          legend="《条例》第四十三条"
          options={[{ value: "true", label: "申请人有阅读、视听困难，需要提供必要帮助" }]}
        />
        <TextArea name="assistanceNote" label="需要的帮助" rows={2} maxLength={500} />
      </fieldset>
    </ActionForm>
  );
}
