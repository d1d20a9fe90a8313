import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments/labels";

export const metadata = { title: "机构管理" };

export default async function DepartmentsPage() {
  const actor = await requirePagePermission("departments:manage", "/admin/departments");
  const all = await db().department.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      parentId: true,
      headName: true,
      phone: true,
      _count: { select: { users: true } },
    },
  });
  const rows: Array<(typeof all)[number] & { depth: number }> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const d of all.filter((x) => x.parentId === parentId)) {
      rows.push({ ...d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">机构管理</h1>
        {adminPolicy(actor)["department.create"].allowed ? (
          <Link
            href="/admin/departments/new"
            className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
          >
            新建机构
          </Link>
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">机构树</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="p-2">
                机构名称
              </th>
              <th scope="col" className="p-2">
                代码
              </th>
              <th scope="col" className="p-2">
                类型
              </th>
              <th scope="col" className="p-2">
                负责人
              </th>
              <th scope="col" className="p-2">
                电话
              </th>
              <th scope="col" className="p-2">
                用户数
              </th>
              <th scope="col" className="p-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="border-b border-gray-200">
                <td className="p-2" style={{ paddingLeft: `${0.5 + d.depth * 1.5}rem` }}>
                  {d.depth ? "└ " : ""}
                  {d.name}
                </td>
                <td className="p-2 font-mono">{d.code}</td>
                <td className="p-2">{DEPARTMENT_KIND_LABELS[d.kind]}</td>
                <td className="p-2">{d.headName}</td>
                <td className="p-2">{d.phone}</td>
                <td className="p-2">{d._count.users}</td>
                <td className="p-2">
                  <Link href={`/admin/departments/${d.id}`} className="text-blue-800 underline">
                    编辑<span className="sr-only">{d.name}</span>
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
