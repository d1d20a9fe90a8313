import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatMoment } from "@/lib/jobs/format";
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS } from "@/lib/mail/outbox";
import { outboundMailForStaff } from "@/lib/mail/queries";

export const metadata = { title: "邮件详情" };

export default async function MailDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("jobs:manage", `/admin/mail/${encodeURIComponent(id)}`);
  const m = await outboundMailForStaff(id.slice(0, 40));
  if (!m) notFound();
  return (
    <>
      <p className="mb-2">
        <Link className="text-blue-800 underline" href="/admin/mail">
          返回邮件列表
        </Link>
      </p>
      <PageTitle title={m.subject} description={`${MAIL_KIND_LABELS[m.kind]} · ${MAIL_STATUS_LABELS[m.status]}`} />
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="font-bold">收件人</dt>
        <dd className="break-all">{m.to}</dd>
        <dt className="font-bold">状态</dt>
        <dd>{MAIL_STATUS_LABELS[m.status]}</dd>
        <dt className="font-bold">加入队列</dt>
        <dd>{formatMoment(m.createdAt)}</dd>
        <dt className="font-bold">发送时间</dt>
        <dd>{formatMoment(m.sentAt)}</dd>
        <dt className="font-bold">尝试次数</dt>
        <dd>{m.attempts}</dd>
        {m.lastError ? (
          <>
            <dt className="font-bold">最后错误</dt>
            <dd className="break-words text-red-900">{m.lastError}</dd>
          </>
        ) : null}
        {m.messageId ? (
          <>
            <dt className="font-bold">邮件标识</dt>
            <dd className="break-all font-mono text-sm">{m.messageId}</dd>
          </>
        ) : null}
        {m.application ? (
          <>
            <dt className="font-bold">所属案件</dt>
            <dd>
              <Link className="text-blue-800 underline" href={`/admin/requests/${m.application.id}`}>
                {m.application.number}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="body-h">
        <h2 id="body-h" className="mb-2 text-xl font-bold">
          正文
        </h2>
        <pre className="whitespace-pre-wrap break-words rounded border border-line bg-surface p-4 font-sans">{m.text}</pre>
      </section>
    </>
  );
}
