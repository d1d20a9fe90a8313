import { requirePagePermission } from "@/lib/auth/guard";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, SelectField, TextField } from "@/components/forms/field";
import { createUserAction } from "../actions";
import { departmentOptions } from "../department-options";

export const metadata = { title: "新建用户" };

export default async function NewUserPage() {
  await requirePagePermission("users:manage", "/admin/users/new");
  const depts = await departmentOptions();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">新建用户</h1>
      <ActionForm action={createUserAction} submitLabel="创建用户" className="max-w-xl rounded border border-gray-300 bg-white p-6">
        <TextField name="username" label="用户名" required hint="3–32 位小写字母、数字或下划线，以字母开头" autoComplete="off" />
        <TextField name="displayName" label="姓名" required />
        <SelectField name="departmentId" label="所属机构" required options={depts} placeholder="请选择" />
        <CheckboxGroup name="roles" legend="角色" required options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <TextField
          name="password"
          type="password"
          label="初始密码"
          required
          hint="至少 10 位，须同时包含字母和数字"
          autoComplete="new-password"
        />
      </ActionForm>
    </>
  );
}
