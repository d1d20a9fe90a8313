import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ADMIN_NAV } from "@/lib/auth/admin-nav";

export const metadata = { title: "工作台" };

export default async function Dashboard() {
  const user = await requireUser("/admin");
  const entries = ADMIN_NAV.filter((n) => n.href !== "/admin" && hasPermission(user.roles, n.permission));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">工作台</h1>
      <p className="mb-6">
        您好，{user.displayName}。当前身份：{user.roles.map((r) => ROLE_LABELS[r]).join("、")}，所属机构：{user.departmentName}。
      </p>
      {entries.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {entries.map((e) => (
            <li key={e.href}>
              <Link
                href={e.href}
                className="block rounded border border-gray-300 bg-white p-4 font-medium hover:border-red-800 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
              >
                {e.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
