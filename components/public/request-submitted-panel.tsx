import { formatChineseDate, civilDateInShanghai } from "@/lib/calendar/civil-date";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/link-button";
import { RequestPrintButton, RequestPrintStyles } from "./request-print";

function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/**
 * Shown once after an online application is stored: the tracking number and
 * the query code (not stored in clear anywhere, so it cannot be shown again),
 * and a printable 回执 stating that the receipt date is the day the office
 * confirms (Art. 31) and that the status is 待确认.
 */
export function RequestSubmittedPanel(p: { trackingNo: string; queryCode: string; submittedAt: string; departmentName: string; emailed: boolean }) {
  return (
    <div className="space-y-6">
      <RequestPrintStyles />
      <div data-no-print>
        <Alert tone="success" title="申请已提交">
          请立即记下或打印下面的申请编号和查询码。<strong>查询码只显示这一次</strong>，工作人员也无法查看；凭申请编号和查询码才能查询进度、在线补正和下载答复书。
          {p.emailed ? " 申请编号和查询码也已发送到您填写的电子邮箱。" : ""}
        </Alert>
      </div>

      <section data-print-root aria-labelledby="receipt-title" className="rounded-lg border-2 border-ink bg-surface p-6">
        <h2 id="receipt-title" className="text-center text-2xl font-bold text-ink">
          政府信息公开申请回执
        </h2>
        <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-lg">
          <dt className="font-bold">申请编号：</dt>
          <dd data-testid="tracking-no" className="font-mono text-2xl font-bold tracking-wider">
            {p.trackingNo}
          </dd>
          <dt className="font-bold">查询码：</dt>
          <dd data-testid="query-code" className="font-mono text-2xl font-bold tracking-widest">
            {p.queryCode}
          </dd>
          <dt className="font-bold">提交时间：</dt>
          <dd>{shanghaiTime(p.submittedAt)}（{formatChineseDate(civilDateInShanghai(new Date(p.submittedAt)))}）</dd>
          <dt className="font-bold">受理机关：</dt>
          <dd>{p.departmentName}</dd>
          <dt className="font-bold">提交方式：</dt>
          <dd>互联网在线申请</dd>
          <dt className="font-bold">当前状态：</dt>
          <dd className="font-bold">待确认</dd>
        </dl>
        <p className="mt-5 border-t border-line pt-4 leading-relaxed">
          说明：本回执仅证明申请已在线提交。依据《中华人民共和国政府信息公开条例》第三十一条第（三）项，通过互联网渠道提交的申请，
          <strong>以双方确认之日为收到申请之日</strong>。工作人员确认后，状态变为“已登记”，答复期限（20个工作日）自收到申请之日起计算，当日不计入。
        </p>
      </section>

      <div data-no-print className="flex flex-wrap gap-3">
        <RequestPrintButton />
        <LinkButton href="/ysqgk/track" variant="secondary">
          查询办理进度
        </LinkButton>
        <LinkButton href="/ysqgk/receipt" variant="ghost">
          打开回执页面
        </LinkButton>
      </div>
      <p data-no-print className="text-sm text-muted">
        浏览器不支持打印按钮时，请使用浏览器菜单中的“打印”（快捷键 Ctrl+P）。
      </p>
    </div>
  );
}
