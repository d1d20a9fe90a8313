import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/guard";
import { listForStaff } from "@/lib/structured/admin-queries";
import { describeStandard, FEE_STATUS_LABELS } from "@/lib/structured/rules/fee";

export const metadata = { title: "收费项目管理" };

export default async function AdminFeesPage() {
  const user = await requirePagePermission("admin:access", "/admin/structured/fees");
  const rows = await listForStaff(user, "FEE");
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">收费项目管理</h1>
        {user.roles.includes("CLERK") ? (
          <Link href="/admin/structured/fees/new" className="rounded bg-red-800 px-4 py-2 font-medium text-white">
            新建收费项目
          </Link>
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">收费项目（共 {rows.length} 项）</caption>
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="p-2">
                项目名称
              </th>
              <th scope="col" className="p-2">
                收费标准
              </th>
              <th scope="col" className="p-2">
                状态
              </th>
              <th scope="col" className="p-2">
                办理状态
              </th>
              <th scope="col" className="p-2">
                索引号
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.itemId} className="border-b border-gray-200">
                <th scope="row" className="p-2 font-normal">
                  <Link href={`/admin/structured/fees/${r.itemId}`} className="text-blue-800 underline">
                    {r.data?.name ?? r.title}
                  </Link>
                </th>
                <td className="p-2">{r.data ? describeStandard(r.data) : "—"}</td>
                <td className="p-2">{r.data ? FEE_STATUS_LABELS[r.data.status] : "—"}</td>
                <td className="p-2">{r.stateLabel}</td>
                <td className="p-2 text-sm">{r.indexNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
