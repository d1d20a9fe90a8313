import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import { saveStructuredAction } from "@/app/admin/(staff)/structured/actions";
import type { GuideProse } from "@/lib/structured/rules/guide";
import type { LeaderData } from "@/lib/structured/rules/leader";
import { unitLines, type ProfileData } from "@/lib/structured/rules/profile";
import {
  MATERIAL_FORMS,
  materialLines,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  stepLines,
  type ServiceData,
} from "@/lib/structured/rules/service";

type Opt = { id: string; name: string };
type Common = { itemId?: string; baseRevisionId?: string; departments: Opt[]; submitLabel: string };

function Frame({
  kind,
  itemId,
  baseRevisionId,
  submitLabel,
  children,
}: Omit<Common, "departments"> & { kind: string; children: React.ReactNode }) {
  return (
    <ActionForm action={saveStructuredAction} submitLabel={submitLabel} className="max-w-3xl rounded border border-gray-300 bg-white p-6">
      <Hidden name="kind" value={kind} />
      {itemId ? <Hidden name="itemId" value={itemId} /> : null}
      {baseRevisionId ? <Hidden name="baseRevisionId" value={baseRevisionId} /> : null}
      {children}
      <TextField name="responsibleSection" label="责任股室" />
      <TextField name="responsiblePerson" label="责任人" />
    </ActionForm>
  );
}

const deptSelect = (departments: Opt[], value: string | undefined, label = "机构") => (
  <SelectField
    name="departmentId"
    label={label}
    required
    defaultValue={value}
    options={departments.map((d) => ({ value: d.id, label: d.name }))}
  />
);

export function StructuredProfileForm({ data: d, ...c }: Common & { data: Partial<ProfileData> | null }) {
  return (
    <Frame kind="DEPARTMENT_PROFILE" {...c}>
      {deptSelect(c.departments, d?.departmentId)}
      <TextArea name="functions" label="主要职能" required rows={6} hint="每行一项职能" defaultValue={d?.functions} />
      <TextArea
        name="units"
        label="内设机构"
        rows={5}
        hint="每行一个：内设机构名称｜职责"
        defaultValue={d?.units ? unitLines(d.units) : ""}
      />
      <TextField name="address" label="办公地址" required defaultValue={d?.address} />
      <TextField name="postalCode" label="邮政编码" defaultValue={d?.postalCode} />
      <TextField name="officeHours" label="办公时间" required defaultValue={d?.officeHours} />
      <TextField name="phone" label="联系电话" required defaultValue={d?.phone} />
      <TextField name="fax" label="传真" defaultValue={d?.fax} />
      <TextField name="email" label="电子邮箱" defaultValue={d?.email} />
      <TextField name="headName" label="负责人姓名" required defaultValue={d?.headName} />
      <TextField name="mapUrl" label="地图链接" type="url" defaultValue={d?.mapUrl} />
    </Frame>
  );
}

export function StructuredLeaderForm({ data: d, units, ...c }: Common & { data: Partial<LeaderData> | null; units: Opt[] }) {
  return (
    <Frame kind="LEADER" {...c}>
      {deptSelect(c.departments, d?.departmentId, "所属政府或部门")}
      <TextField name="name" label="姓名" required defaultValue={d?.name} />
      <TextField name="title" label="职务" required defaultValue={d?.title} />
      {d?.photoId ? <Hidden name="photoId" value={d.photoId} /> : null}
      <div>
        <label htmlFor="leader-photo" className="mb-1 block font-medium">
          照片{d?.photoId ? "（已上传，重新选择将替换）" : ""}
        </label>
        <input id="leader-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" className="block" />
        <p className="mt-1 text-sm text-gray-700">JPG、PNG 或 WebP 格式，不超过 5 MB；系统自动裁剪为 300×400 像素。</p>
      </div>
      <TextArea name="duties" label="工作分工" required rows={4} defaultValue={d?.duties} />
      <CheckboxGroup
        name="oversees"
        legend="分管单位（须为本级政府所属部门）"
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        defaultValues={d?.oversees}
      />
      <TextArea name="cv" label="简历" rows={4} defaultValue={d?.cv} />
      <TextField name="sortOrder" label="排序" type="number" defaultValue={String(d?.sortOrder ?? 0)} />
      <TextField name="termStart" label="任职日期" type="date" required defaultValue={d?.termStart} />
      <TextField name="termEnd" label="离任日期" type="date" defaultValue={d?.termEnd ?? ""} hint="离任时填写；历史分工仍可按日期查询" />
    </Frame>
  );
}

export function StructuredServiceForm({
  data: d,
  fees,
  ...c
}: Common & { data: Partial<ServiceData> | null; fees: Array<{ itemId: string; title: string }> }) {
  return (
    <Frame kind="SERVICE" {...c}>
      <TextField name="name" label="事项名称" required defaultValue={d?.name} />
      <TextField name="code" label="事项编码" required defaultValue={d?.code} />
      <SelectField
        name="kind"
        label="事项类型"
        required
        defaultValue={d?.kind ?? "PUBLIC_SERVICE"}
        options={SERVICE_KINDS.map((k) => ({ value: k, label: SERVICE_KIND_LABELS[k] }))}
      />
      {deptSelect(c.departments, d?.departmentId, "实施机构")}
      <TextArea name="legalBasis" label="设定依据" required rows={3} defaultValue={d?.legalBasis} />
      <TextArea name="conditions" label="申请条件" required rows={3} defaultValue={d?.conditions} />
      <TextArea
        name="materials"
        label="申请材料"
        rows={4}
        hint={`每行一项：材料名称｜${MATERIAL_FORMS.join("/")}｜份数｜格式｜来源`}
        defaultValue={d?.materials ? materialLines(d.materials) : ""}
      />
      <TextArea
        name="steps"
        label="办理流程"
        required
        rows={4}
        hint="每行一个环节，按顺序：环节名称｜承办单位｜办理时限。至少一个环节。"
        defaultValue={d?.steps ? stepLines(d.steps) : ""}
      />
      <TextField
        name="promisedDays"
        label="承诺时限（工作日）"
        type="number"
        required
        defaultValue={d?.promisedDays !== undefined ? String(d.promisedDays) : ""}
      />
      <TextField
        name="statutoryDays"
        label="法定时限（工作日）"
        type="number"
        required
        defaultValue={d?.statutoryDays !== undefined ? String(d.statutoryDays) : ""}
      />
      <TextField name="place" label="办理地点" required defaultValue={d?.place} />
      <TextField name="hours" label="办理时间" required defaultValue={d?.hours} />
      <TextField name="phone" label="咨询电话" required defaultValue={d?.phone} />
      <TextField name="onlineUrl" label="网上办理地址" type="url" defaultValue={d?.onlineUrl} />
      <CheckboxGroup
        name="feeItemIds"
        legend="收费项目"
        options={fees.map((f) => ({ value: f.itemId, label: f.title }))}
        defaultValues={d?.feeItemIds}
      />
      <TextArea name="progressQuery" label="办理进度查询方式" rows={2} defaultValue={d?.progressQuery} />
      <TextArea name="complaints" label="监督投诉渠道" rows={2} defaultValue={d?.complaints} />
    </Frame>
  );
}

export function StructuredGuideForm({ data: d, ...c }: Common & { data: Partial<GuideProse> | null }) {
  return (
    <Frame kind="GUIDE" {...c}>
      {deptSelect(c.departments, d?.departmentId, "人民政府")}
      <p className="text-sm text-gray-800">
        信息分类与编排、依申请公开受理机构和政府信息公开工作机构的联系方式在保存时由系统根据现行类目和机构信息自动生成。
      </p>
      <TextArea name="intro" label="概述" required rows={4} defaultValue={d?.intro} />
      <TextArea name="proactiveChannels" label="主动公开渠道" required rows={4} defaultValue={d?.proactiveChannels} />
      <TextArea name="requestNotes" label="依申请公开说明" required rows={6} defaultValue={d?.requestNotes} />
      <TextArea name="feesPolicy" label="收费说明" required rows={3} defaultValue={d?.feesPolicy} />
      <TextArea name="remedies" label="监督和救济" rows={3} defaultValue={d?.remedies} />
    </Frame>
  );
}
