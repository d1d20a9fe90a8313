import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments/labels";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextField } from "@/components/forms/field";
import { saveDepartmentAction } from "../actions";
import { departmentOptions } from "../../users/department-options";
import { DEFAULT_CALENDAR_REGION, listCalendarRegions } from "@/lib/calendar/load-calendar";

export const metadata = { title: "编辑机构" };

/** /admin/departments/new creates; /admin/departments/{id} edits. */
export default async function DepartmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  await requirePagePermission("departments:manage", `/admin/departments/${id}`);
  const isNew = id === "new";
  const d = isNew ? null : await db().department.findUnique({ where: { id } });
  if (!isNew && !d) notFound();
  const [parents, regions] = await Promise.all([
    departmentOptions().then((all) => all.filter((o) => o.value !== id)),
    listCalendarRegions(),
  ]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{d ? `编辑机构：${d.name}` : "新建机构"}</h1>
      {(await searchParams).created ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 机构已创建。
        </p>
      ) : null}
      <ActionForm action={saveDepartmentAction} className="max-w-2xl rounded border border-gray-300 bg-white p-6">
        {d ? <Hidden name="id" value={d.id} /> : null}
        {d ? <Hidden name="version" value={String(d.updatedAt.getTime())} /> : null}
        <TextField name="name" label="机构名称" required defaultValue={d?.name} />
        <TextField name="shortName" label="简称" defaultValue={d?.shortName ?? ""} />
        <TextField name="code" label="机构代码" required hint="用于索引号，6–18 位数字或大写字母" defaultValue={d?.code} />
        <SelectField
          name="kind"
          label="机构类型"
          required
          defaultValue={d?.kind ?? "BUREAU"}
          options={Object.entries(DEPARTMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField name="parentId" label="上级机构" options={parents} placeholder="（无，顶级机构）" defaultValue={d?.parentId ?? ""} />
        <TextField name="address" label="办公地址" defaultValue={d?.address} />
        <TextField name="postalCode" label="邮政编码" defaultValue={d?.postalCode} />
        <TextField name="officeHours" label="办公时间" defaultValue={d?.officeHours} />
        <TextField name="phone" label="联系电话" type="tel" defaultValue={d?.phone} />
        <TextField name="fax" label="传真" defaultValue={d?.fax} />
        <TextField name="email" label="电子邮箱" type="email" defaultValue={d?.email} />
        <TextField name="headName" label="负责人" defaultValue={d?.headName} />
        <SelectField
          name="calendarRegion"
          label="工作日历地区"
          required
          hint="依申请公开答复、补正、缴费等期限按该地区的工作日历计算（含当地少数民族节日）；地区在“工作日历”中维护"
          defaultValue={d?.calendarRegion ?? DEFAULT_CALENDAR_REGION}
          options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
        />
        <TextField name="sortOrder" label="排序" type="number" defaultValue={String(d?.sortOrder ?? 0)} />
      </ActionForm>
    </>
  );
}
