import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await requirePagePermission("users:manage", "/admin/users");
  const users = await db().user.findMany({
    orderBy: [{ department: { sortOrder: "asc" } }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      disabled: true,
      lockedUntil: true,
      lastLoginAt: true,
      department: { select: { name: true } },
    },
  });
  const now = new Date();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">用户管理</h1>
        {adminPolicy(actor)["user.create"].allowed ? (
          <Link
            href="/admin/users/new"
            className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
          >
            新建用户
          </Link>
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">工作人员账号列表</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="p-2">
                姓名
              </th>
              <th scope="col" className="p-2">
                用户名
              </th>
              <th scope="col" className="p-2">
                所属机构
              </th>
              <th scope="col" className="p-2">
                角色
              </th>
              <th scope="col" className="p-2">
                状态
              </th>
              <th scope="col" className="p-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-gray-200">
                <td className="p-2">{u.displayName}</td>
                <td className="p-2 font-mono">{u.username}</td>
                <td className="p-2">{u.department.name}</td>
                <td className="p-2">{u.roles.map((r) => ROLE_LABELS[r]).join("、")}</td>
                <td className="p-2">{u.disabled ? "⛔ 已停用" : u.lockedUntil && u.lockedUntil > now ? "🔒 锁定中" : "✓ 正常"}</td>
                <td className="p-2">
                  <Link href={`/admin/users/${u.id}`} className="text-blue-800 underline">
                    编辑<span className="sr-only">{u.displayName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
