import type { Metadata } from "next";
import { cookies } from "next/headers";
import { RequestPrintButton, RequestPrintStyles } from "@/components/public/request-print";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { PageTitle } from "@/components/ui/page-title";
import { formatChineseDate } from "@/lib/calendar/civil-date";
import { CASE_COOKIE, verifyCaseToken } from "@/lib/requests/public-session";
import { loadPublicStatus } from "@/lib/requests/public-status";

export const metadata: Metadata = { title: "申请回执" };
export const dynamic = "force-dynamic";

/**
 * The printable 回执 of an online application, for the browser that submitted
 * it or opened it with the query code (signed case cookie). The query code is
 * not on it: only its hash is stored.
 */
export default async function ReceiptPage() {
  const id = verifyCaseToken((await cookies()).get(CASE_COOKIE)?.value);
  const view = id ? await loadPublicStatus(id) : null;
  return (
    <>
      <div data-no-print>
        <Breadcrumbs
          className="mb-4"
          items={[{ label: "首页", href: "/" }, { label: "依申请公开", href: "/ysqgk" }, { label: "申请回执" }]}
        />
        <PageTitle title="申请回执" />
      </div>
      {!view ? (
        <Alert tone="info" role="none" title="请先查询">
          回执在提交申请后，或凭申请编号和查询码查询后可以查看（30分钟内有效）。
          <p className="mt-3">
            <LinkButton href="/ysqgk/track">办理进度查询</LinkButton>
          </p>
        </Alert>
      ) : (
        <div className="max-w-3xl space-y-4">
          <RequestPrintStyles />
          <section
            data-print-root
            aria-labelledby="receipt-title"
            className="rounded-lg border-2 border-ink bg-surface p-6 leading-relaxed"
          >
            <h2 id="receipt-title" className="text-center text-2xl font-bold">
              政府信息公开申请回执
            </h2>
            <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
              <dt className="font-bold">申请编号：</dt>
              <dd className="font-mono font-bold">{view.trackingNo}</dd>
              <dt className="font-bold">申请人：</dt>
              <dd>{view.applicantName}</dd>
              <dt className="font-bold">受理机关：</dt>
              <dd>{view.departmentName}</dd>
              <dt className="font-bold">所需信息：</dt>
              <dd className="whitespace-pre-wrap break-words">{view.description}</dd>
              <dt className="font-bold">提交方式：</dt>
              <dd>{view.channel}</dd>
              <dt className="font-bold">提交日期：</dt>
              <dd>{formatChineseDate(view.submittedOn)}</dd>
              <dt className="font-bold">收到申请之日：</dt>
              <dd>{view.receiptDate ? formatChineseDate(view.receiptDate) : "待确认"}</dd>
              <dt className="font-bold">当前状态：</dt>
              <dd className="font-bold">{view.statusLabel}</dd>
            </dl>
            <p className="mt-5 border-t border-line pt-4">
              说明：{view.receiptRule}
              。答复期限（20个工作日）自收到申请之日起计算，当日不计入。凭申请编号和查询码可在本网站“依申请公开—办理进度查询”查看进度。查询码不在本回执上显示，请另行妥善保管。
            </p>
          </section>
          <div data-no-print className="flex flex-wrap gap-3">
            <RequestPrintButton />
            <LinkButton href="/ysqgk/track" variant="secondary">
              返回办理进度
            </LinkButton>
          </div>
        </div>
      )}
    </>
  );
}
