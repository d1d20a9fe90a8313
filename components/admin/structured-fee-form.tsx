import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import { saveStructuredAction } from "@/app/admin/(staff)/structured/actions";
import { FEE_STATUS_LABELS, FEE_STATUSES, legalBasisLines, type FeeData } from "@/lib/structured/rules/fee";

type Props = {
  data: Partial<FeeData> | null;
  itemId?: string;
  baseRevisionId?: string;
  predecessorItemId?: string;
  departments: Array<{ id: string; name: string }>;
  otherFees: Array<{ itemId: string; title: string }>;
  submitLabel?: string;
};

/** The 收费项目 form (create, edit, adjust). Lists are one per line, so it works without JavaScript. */
export function StructuredFeeForm({ data: d, itemId, baseRevisionId, predecessorItemId, departments, otherFees, submitLabel }: Props) {
  return (
    <ActionForm
      action={saveStructuredAction}
      submitLabel={submitLabel ?? "保存"}
      className="max-w-3xl rounded border border-gray-300 bg-white p-6"
    >
      <Hidden name="kind" value="FEE" />
      {itemId ? <Hidden name="itemId" value={itemId} /> : null}
      {baseRevisionId ? <Hidden name="baseRevisionId" value={baseRevisionId} /> : null}
      {predecessorItemId ? <Hidden name="predecessorItemId" value={predecessorItemId} /> : null}
      <TextField name="name" label="收费项目名称" required defaultValue={d?.name} />
      <TextField name="code" label="项目编码" defaultValue={d?.code} />
      <SelectField
        name="departmentId"
        label="收费单位"
        required
        defaultValue={d?.departmentId}
        options={departments.map((x) => ({ value: x.id, label: x.name }))}
      />
      <TextArea
        name="legalBases"
        label="收费依据"
        required
        rows={3}
        hint="每行一项：文件名称｜文号｜关联的公开信息索引号（可选，须为已公开的信息）。每项依据须有文号；无收费依据的项目不能保存。"
        defaultValue={d?.legalBases ? legalBasisLines(d.legalBases) : ""}
      />
      <fieldset className="space-y-3 rounded border border-gray-200 p-4">
        <legend className="px-1 font-medium">收费标准（固定金额与计算公式二选一）</legend>
        <TextField name="amount" label="收费金额（元）" defaultValue={d?.amount ?? ""} />
        <TextField name="formula" label="计算公式" defaultValue={d?.formula ?? ""} hint="例如：按建筑面积每平方米 2 元计收" />
        <TextField name="unit" label="计费单位" required defaultValue={d?.unit} hint="例如：件、次、平方米" />
        <TextField name="rangeMin" label="收费幅度下限（元）" defaultValue={d?.rangeMin ?? ""} />
        <TextField name="rangeMax" label="收费幅度上限（元）" defaultValue={d?.rangeMax ?? ""} />
        <TextArea name="note" label="标准说明" rows={2} defaultValue={d?.note} hint="复杂的计费规则可在此说明" />
      </fieldset>
      <TextField name="payer" label="缴费对象" required defaultValue={d?.payer} />
      <TextArea name="reductions" label="减免政策" rows={2} defaultValue={d?.reductions} />
      <TextField name="validFrom" label="执行起始日期" type="date" required defaultValue={d?.validFrom} />
      <TextField name="validUntil" label="执行截止日期" type="date" defaultValue={d?.validUntil ?? ""} />
      <SelectField
        name="status"
        label="状态"
        required
        defaultValue={d?.status ?? "VALID"}
        options={FEE_STATUSES.map((s) => ({ value: s, label: FEE_STATUS_LABELS[s] }))}
      />
      <TextField name="cancelledOn" label="取消日期（状态为已取消时填写）" type="date" defaultValue={d?.cancelledOn ?? ""} />
      <SelectField
        name="successorItemId"
        label="调整后的收费项目（状态为已调整时选择）"
        placeholder="（无）"
        defaultValue={d?.successorItemId ?? ""}
        options={otherFees.filter((f) => f.itemId !== itemId).map((f) => ({ value: f.itemId, label: f.title }))}
      />
      <TextField name="responsibleSection" label="责任股室" />
      <TextField name="responsiblePerson" label="责任人" />
    </ActionForm>
  );
}
