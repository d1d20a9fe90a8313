import type { Metadata } from "next";
import { LoadError } from "@/components/public/load-error";
import { RequestApplyForm } from "@/components/public/request-apply-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { db } from "@/lib/db/client";
import { safeLoad } from "@/lib/site/safe-load";
import { submitApplicationAction } from "./actions";

export const metadata: Metadata = { title: "在线申请政府信息公开" };
export const dynamic = "force-dynamic";

/** The online application form (no account, works without JavaScript). */
export default async function ApplyPage() {
  // Read fresh (not the cached public list): the submitted id must exist in this database.
  const load = await safeLoad(() =>
    db().department.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  );
  const departments = load.ok ? load.data.map((d) => ({ value: d.id, label: d.name })) : [];
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "依申请公开", href: "/ysqgk" }, { label: "在线申请" }]}
      />
      <PageTitle
        title="在线申请政府信息公开"
        description="无需注册。带“（必填）”的项目必须填写。提交后请记下申请编号和查询码，凭其查询办理进度。"
      />
      <div className="max-w-3xl">
        {load.ok ? (
          <RequestApplyForm action={submitApplicationAction} departments={departments} />
        ) : (
          <LoadError message={load.message} errorId={load.errorId} />
        )}
      </div>
    </>
  );
}
