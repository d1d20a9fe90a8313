import type { Metadata } from "next";
import { cookies } from "next/headers";
import { RequestSubmittedPanel } from "@/components/public/request-submitted-panel";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { PageTitle } from "@/components/ui/page-title";
import { db } from "@/lib/db/client";
import { CASE_COOKIE, verifyCaseToken } from "@/lib/requests/public-session";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { QUERY_CODE_FLASH_COOKIE, readQueryCodeFlash } from "@/lib/requests/query-code-flash";

export const metadata: Metadata = { title: "申请已提交" };
export const dynamic = "force-dynamic";

/**
 * Right after an online application is stored: the tracking number and the query code,
 * shown to the browser that submitted (the signed case cookie and the short-lived flash
 * cookie; the code is never in a URL and only its hash is stored).
 */
export default async function SubmittedPage() {
  const jar = await cookies();
  const id = verifyCaseToken(jar.get(CASE_COOKIE)?.value);
  const view = id ? await loadPublicStatus(id) : null;
  const queryCode = id ? readQueryCodeFlash(jar.get(QUERY_CODE_FLASH_COOKIE)?.value, id) : null;
  const emailed = id ? (await db().outboundMail.count({ where: { applicationId: id, kind: "QUERY_CODE" } })) > 0 : false;
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "依申请公开", href: "/ysqgk" }, { label: "申请已提交" }]}
      />
      <PageTitle title="在线申请政府信息公开" />
      <div className="max-w-3xl">
        {view && queryCode ? (
          <RequestSubmittedPanel
            trackingNo={view.trackingNo}
            queryCode={queryCode}
            submittedAt={view.submittedAt}
            departmentName={view.departmentName}
            emailed={emailed}
          />
        ) : (
          <Alert tone="info" role="none" title="查询码已不再显示">
            查询码只在提交后显示一次。{view ? `您的申请编号为 ${view.trackingNo}。` : ""}如已记下查询码，可凭申请编号和查询码查询办理进度。
            <p className="mt-3">
              <LinkButton href="/ysqgk/track">办理进度查询</LinkButton>
            </p>
          </Alert>
        )}
      </div>
    </>
  );
}
