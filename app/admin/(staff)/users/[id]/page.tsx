import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, Hidden, SelectField, TextField } from "@/components/forms/field";
import { resetPasswordAction, setDisabledAction, updateUserAction } from "../actions";
import { departmentOptions } from "../department-options";

export const metadata = { title: "编辑用户" };

const fmt = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePagePermission("users:manage", `/admin/users/${id}`);
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      departmentId: true,
      disabled: true,
      lockedUntil: true,
      lastLoginAt: true,
    },
  });
  if (!user) notFound();
  const depts = await departmentOptions();
  const locked = user.lockedUntil && user.lockedUntil > new Date();
  // The same answers guard the verbs: a button shows exactly when its verb would run.
  const may = adminPolicy(actor, { user });
  const roleChange = may["user.change-roles"];
  const statusAction = user.disabled ? may["user.enable"] : may["user.disable"];
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">编辑用户：{user.displayName}</h1>
      {(await searchParams).created ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ 用户已创建。
        </p>
      ) : null}
      <p className="mb-6 text-gray-700">
        用户名 <span className="font-mono">{user.username}</span> · 最近登录 {fmt(user.lastLoginAt)} · 状态{" "}
        {user.disabled ? "⛔ 已停用" : locked ? `🔒 锁定至 ${fmt(user.lockedUntil)}` : "✓ 正常"}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="basic" className="rounded border border-gray-300 bg-white p-6">
          <h2 id="basic" className="mb-4 text-lg font-bold">
            基本信息与角色
          </h2>
          <ActionForm action={updateUserAction}>
            <Hidden name="id" value={user.id} />
            <TextField name="displayName" label="姓名" required defaultValue={user.displayName} />
            <SelectField name="departmentId" label="所属机构" required options={depts} defaultValue={user.departmentId} />
            {roleChange.allowed ? (
              <CheckboxGroup
                name="roles"
                legend="角色"
                required
                defaultValues={user.roles}
                options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              />
            ) : (
              <div className="mb-4">
                <p className="font-medium">角色</p>
                <p>{user.roles.map((r) => ROLE_LABELS[r]).join("、")}</p>
                <p className="text-sm text-gray-700">{roleChange.reason}</p>
                {user.roles.map((r) => (
                  <Hidden key={r} name="roles" value={r} />
                ))}
              </div>
            )}
          </ActionForm>
        </section>
        <div className="space-y-6">
          <section aria-labelledby="pw" className="rounded border border-gray-300 bg-white p-6">
            <h2 id="pw" className="mb-4 text-lg font-bold">
              重置密码
            </h2>
            <ActionForm action={resetPasswordAction} submitLabel="重置密码" resetOnSuccess>
              <Hidden name="id" value={user.id} />
              <TextField
                name="password"
                type="password"
                label="新密码"
                required
                hint="重置后账号自动解锁，原有登录全部退出"
                autoComplete="new-password"
              />
            </ActionForm>
          </section>
          <section aria-labelledby="st" className="rounded border border-gray-300 bg-white p-6">
            <h2 id="st" className="mb-4 text-lg font-bold">
              账号状态
            </h2>
            {statusAction.allowed ? (
              <ActionForm action={setDisabledAction} submitLabel={user.disabled ? "启用账号" : "停用账号"}>
                <Hidden name="id" value={user.id} />
                <Hidden name="disabled" value={user.disabled ? "false" : "true"} />
                <p>{user.disabled ? "该账号已停用，启用后可重新登录。" : "停用后该账号立即退出登录且不能再登录，数据和日志保留。"}</p>
              </ActionForm>
            ) : (
              <p>{statusAction.reason}</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
