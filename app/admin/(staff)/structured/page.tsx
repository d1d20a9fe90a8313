import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata = { title: "结构化公开内容" };

const SECTIONS = [
  { href: "/admin/structured/fees", title: "收费项目", text: "行政事业性收费项目及其依据、标准（第二十条第（八）项）。" },
  { href: "/admin/structured/functions", title: "机构职能", text: "各部门职能、内设机构、办公地址和联系方式（第二十条第（二）项）。" },
  { href: "/admin/structured/leaders", title: "领导分工", text: "领导姓名、职务、照片、分工和分管单位。" },
  { href: "/admin/structured/services", title: "办事指南", text: "事项的依据、条件、材料、流程和时限（第二十条第（五）项）。" },
  { href: "/admin/structured/guide", title: "政府信息公开指南", text: "公开指南的各个版本（第十二条）。" },
];

/** Structured disclosures: each record is a disclosure item with the usual review and sign-off. */
export default async function StructuredHome() {
  await requirePagePermission("admin:access", "/admin/structured");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">结构化公开内容</h1>
      <p className="mb-6 max-w-prose text-gray-800">
        每条记录都是一条政府信息，修改后须经保密审查和签发，发布后公众页面才会更新；未发布的修改不会对外显示。
      </p>
      <ul className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href} className="rounded border border-gray-300 bg-white p-4">
            <Link href={s.href} className="text-lg font-bold text-blue-800 underline">
              {s.title}
            </Link>
            <p className="mt-1 text-gray-800">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
