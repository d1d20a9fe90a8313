import Link from "next/link";
import { PageTitle, Table } from "@/components/ui";
import { requirePagePermission } from "@/lib/auth/guard";
import { MailStatus } from "@/lib/generated/prisma/enums";
import { formatMoment } from "@/lib/jobs/format";
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS } from "@/lib/mail/outbox";
import { listCaughtMail, listOutboundMail, mailCounts } from "@/lib/mail/queries";

export const metadata = { title: "邮件" };

const FILTERS: Array<{ value: MailStatus | ""; label: string }> = [
  { value: "", label: "全部" },
  { value: "QUEUED", label: MAIL_STATUS_LABELS.QUEUED },
  { value: "SENT", label: MAIL_STATUS_LABELS.SENT },
  { value: "FAILED", label: MAIL_STATUS_LABELS.FAILED },
];

export default async function MailPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requirePagePermission("jobs:manage", "/admin/mail");
  const sp = await searchParams;
  const status = Object.values(MailStatus).find((s) => s === sp.status);
  const [mails, counts, caught] = await Promise.all([listOutboundMail(status), mailCounts(), listCaughtMail()]);
  return (
    <>
      <PageTitle
        title="邮件"
        description="系统发给申请人的邮件：在引起它的操作提交时加入发送队列，由后台任务发送，失败时自动重试；多次失败的邮件可在“后台任务”页面重试。查询码不在此显示。"
      />
      <nav aria-label="按状态筛选" className="mb-4 flex flex-wrap gap-3">
        {FILTERS.map((f) => {
          const current = (status ?? "") === f.value;
          const n = f.value ? counts[f.value] : counts.QUEUED + counts.SENT + counts.FAILED;
          return (
            <Link
              key={f.value || "all"}
              href={f.value ? `/admin/mail?status=${f.value}` : "/admin/mail"}
              aria-current={current ? "page" : undefined}
              className={`rounded border px-3 py-1 ${current ? "border-brand bg-brand-soft font-bold" : "border-line text-blue-800 underline"}`}
            >
              {f.label}（{n}）
            </Link>
          );
        })}
      </nav>
      <section aria-labelledby="outbox-h" className="mb-8">
        <h2 id="outbox-h" className="mb-3 text-xl font-bold">
          发件记录
        </h2>
        {mails.length === 0 ? (
          <p className="text-ink-soft">暂无邮件。</p>
        ) : (
          <Table caption="发件记录" captionHidden>
            <thead>
              <tr>
                <th scope="col">加入队列</th>
                <th scope="col">收件人</th>
                <th scope="col">主题</th>
                <th scope="col">类型</th>
                <th scope="col">状态</th>
                <th scope="col">尝试次数</th>
                <th scope="col">发送时间</th>
                <th scope="col">错误</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td className="whitespace-nowrap">{formatMoment(m.createdAt)}</td>
                  <td className="break-all">{m.to}</td>
                  <td>
                    <Link className="text-blue-800 underline" href={`/admin/mail/${m.id}`}>
                      {m.subject}
                    </Link>
                  </td>
                  <td>{MAIL_KIND_LABELS[m.kind]}</td>
                  <td>{MAIL_STATUS_LABELS[m.status]}</td>
                  <td>{m.attempts}</td>
                  <td className="whitespace-nowrap">{formatMoment(m.sentAt)}</td>
                  <td className="max-w-xs break-words">{m.lastError || "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="caught-h">
        <h2 id="caught-h" className="mb-3 text-xl font-bold">
          本机邮件收取服务收到的邮件
        </h2>
        <p className="mb-3 text-ink-soft">
          未配置发信服务器（SMTP_URL）时，演示门户把邮件发往本机的邮件收取服务，收到的邮件列在这里，相当于申请人的收件箱（查询码已隐去）。
        </p>
        {caught.length === 0 ? (
          <p className="text-ink-soft">暂未收到邮件。</p>
        ) : (
          <Table caption="本机收到的邮件" captionHidden>
            <thead>
              <tr>
                <th scope="col">收到时间</th>
                <th scope="col">收件人</th>
                <th scope="col">主题</th>
              </tr>
            </thead>
            <tbody>
              {caught.map((c) => (
                <tr key={c.id}>
                  <td className="whitespace-nowrap">{formatMoment(c.receivedAt)}</td>
                  <td className="break-all">{c.to.join("、")}</td>
                  <td>
                    <Link className="text-blue-800 underline" href={`/admin/mail/caught/${c.id}`}>
                      {c.subject || "（无主题）"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
