import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { listForStaff } from "@/lib/structured/admin-queries";
import { SLUG_KINDS } from "../kind-config";

export const metadata = { title: "结构化公开内容" };

export default async function AdminKindList({ params }: { params: Promise<{ kind: string }> }) {
  const { kind: slug } = await params;
  const cfg = SLUG_KINDS[slug];
  if (!cfg) notFound();
  const user = await requirePagePermission("admin:access", `/admin/structured/${slug}`);
  const rows = await listForStaff(user, cfg.kind);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{cfg.label}</h1>
        {user.roles.includes("CLERK") ? (
          <Link href={`/admin/structured/${slug}/new`} className="rounded bg-red-800 px-4 py-2 font-medium text-white">
            新建{cfg.label}
          </Link>
        ) : null}
      </div>
      {rows.length === 0 ? <p>暂无记录。</p> : null}
      <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
        {rows.map((r) => (
          <li key={r.itemId} className="flex flex-wrap justify-between gap-2 p-3">
            <Link href={`/admin/structured/${slug}/${r.itemId}`} className="text-blue-800 underline">
              {r.title}
            </Link>
            <span className="text-sm text-gray-800">
              {r.stateLabel}　{r.indexNumber}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
