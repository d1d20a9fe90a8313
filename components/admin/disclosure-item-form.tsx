import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import type { ActionState } from "@/lib/verbs/form-action";
import type { RevisionContent } from "@/lib/disclosure/rules/revision";
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SCOPES,
  IMPORTANCE_TIER_LABELS,
  IMPORTANCE_TIERS,
  ITEM_FIELD_LABELS as L,
  ITEM_FORM_LIMITS,
  VALIDITIES,
  VALIDITY_LABELS,
} from "@/lib/disclosure/rules/validity";
import { DisclosureFieldErrors, DisclosureFileField } from "./disclosure-file-field";
import { FORM_OVERHEAD_MB, uploadRequestLimitMb } from "@/lib/disclosure/upload-limits";

type Option = { value: string; label: string };

const opts = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Option[] =>
  values.map((v) => ({ value: v, label: labels[v] }));

/** htmlToText for the textarea: the stored body is sanitized HTML; editors may keep the tags. */
export function DisclosureItemForm({
  action,
  submitLabel,
  defaults,
  categories,
  items,
  hidden = {},
  existingAttachments = [],
  maxMb,
  interpretsItemId,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  submitLabel: string;
  defaults: Partial<RevisionContent> & { writtenOn?: string; formedOn?: string };
  categories: Option[];
  items: Option[];
  hidden?: Record<string, string>;
  existingAttachments?: Array<{ id: string; fileName: string; size: number }>;
  maxMb: number;
  interpretsItemId?: string | null;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} className="max-w-3xl rounded border border-gray-300 bg-white p-6">
      {Object.entries(hidden).map(([k, v]) => (
        <Hidden key={k} name={k} value={v} />
      ))}
      <DisclosureFieldErrors name="_form" />
      <TextField name="title" label={L.title} required maxLength={ITEM_FORM_LIMITS.titleChars} defaultValue={defaults.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="documentNumber"
          label={L.documentNumber}
          hint="如：青财预〔2025〕12号；无文号可不填"
          defaultValue={defaults.documentNumber ?? ""}
        />
        <SelectField
          name="categoryId"
          label={L.categoryId}
          required
          options={categories}
          placeholder="请选择"
          defaultValue={defaults.categoryId}
        />
        <TextField name="writtenOn" type="date" label={L.writtenOn} required defaultValue={defaults.writtenOn} />
        <TextField
          name="formedOn"
          type="date"
          label={L.formedOn}
          required
          hint="自该日起20个工作日内应当公开（条例第二十六条）"
          defaultValue={defaults.formedOn}
        />
      </div>
      <TextArea
        name="summary"
        label={L.summary}
        required
        rows={4}
        hint={`不超过${ITEM_FORM_LIMITS.summaryChars}字`}
        defaultValue={defaults.summary}
      />
      <TextArea
        name="body"
        label={L.body}
        rows={12}
        hint="可直接输入文字（每段一行），或粘贴 HTML；保存时会自动清除脚本等不安全内容"
        defaultValue={defaults.body ?? ""}
      />
      <TextField
        name="keywords"
        label={L.keywords}
        hint="多个主题词用空格、逗号或顿号分隔，最多10个"
        defaultValue={(defaults.keywords ?? []).join(" ")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="disclosureMode"
          label={L.disclosureMode}
          options={opts(DISCLOSURE_MODES, DISCLOSURE_MODE_LABELS)}
          defaultValue={defaults.disclosureMode ?? "PROACTIVE"}
        />
        <SelectField
          name="disclosureScope"
          label={L.disclosureScope}
          options={opts(DISCLOSURE_SCOPES, DISCLOSURE_SCOPE_LABELS)}
          defaultValue={defaults.disclosureScope ?? "PUBLIC"}
        />
        <SelectField
          name="validity"
          label={L.validity}
          options={opts(VALIDITIES, VALIDITY_LABELS)}
          defaultValue={defaults.validity ?? "VALID"}
        />
        <SelectField
          name="replacedById"
          label={L.replacedById}
          options={items}
          placeholder="（无）"
          hint="有效性为“已修改”或“已废止”时必选"
          defaultValue={defaults.replacedById ?? ""}
        />
        <SelectField
          name="tier"
          label={L.tier}
          required
          options={opts(IMPORTANCE_TIERS, IMPORTANCE_TIER_LABELS)}
          placeholder="请选择"
          defaultValue={defaults.tier}
          hint="重大信息须主要领导签发，特别重大信息须上级政府主要领导签发"
        />
        <SelectField
          name="interpretsItemId"
          label="所解读的文件（政策解读时选择）"
          options={items}
          placeholder="（不是解读）"
          defaultValue={interpretsItemId ?? ""}
        />
        <TextField name="responsibleSection" label={L.responsibleSection} required defaultValue={defaults.responsibleSection} />
        <TextField name="responsiblePerson" label={L.responsiblePerson} required defaultValue={defaults.responsiblePerson} />
      </div>
      <CheckboxGroup
        name="negative"
        legend="负面信息"
        options={[{ value: "true", label: "属于负面信息（须逐级把关签发）" }]}
        defaultValues={defaults.negative ? ["true"] : []}
      />
      {existingAttachments.length > 0 ? (
        <CheckboxGroup
          name="keepAttachmentIds"
          legend="保留的附件（取消勾选即删除）"
          options={existingAttachments.map((a) => ({ value: a.id, label: `${a.fileName}（${Math.ceil(a.size / 1024)} KB）` }))}
          defaultValues={existingAttachments.map((a) => a.id)}
        />
      ) : null}
      <DisclosureFileField
        label="上传附件"
        maxMb={maxMb}
        hint={`支持 PDF、DOC/DOCX、XLS/XLSX、OFD、JPG/PNG，单个文件不超过${maxMb}MB，一次合计不超过${uploadRequestLimitMb(maxMb) - FORM_OVERHEAD_MB}MB；系统按文件内容识别类型，伪装的文件会被拒绝`}
      />
    </ActionForm>
  );
}
