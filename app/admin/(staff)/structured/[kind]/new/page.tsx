import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { SLUG_KINDS } from "../../kind-config";
import { FormFor } from "../form-for";

export const metadata = { title: "新建" };

export default async function AdminKindNew({ params }: { params: Promise<{ kind: string }> }) {
  const { kind: slug } = await params;
  const cfg = SLUG_KINDS[slug];
  if (!cfg) notFound();
  const user = await requirePagePermission("structured:draft", `/admin/structured/${slug}/new`);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">新建{cfg.label}</h1>
      <FormFor user={user} kind={cfg.kind} data={null} submitLabel="保存（草稿）" />
    </>
  );
}
