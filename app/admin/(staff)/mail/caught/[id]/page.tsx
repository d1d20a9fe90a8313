import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatMoment } from "@/lib/jobs/format";
import { caughtMailForStaff } from "@/lib/mail/queries";

export const metadata = { title: "本机收到的邮件" };

export default async function CaughtMailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("jobs:manage", `/admin/mail/caught/${encodeURIComponent(id)}`);
  const m = await caughtMailForStaff(id.slice(0, 40));
  if (!m) notFound();
  return (
    <>
      <p className="mb-2">
        <Link className="text-blue-800 underline" href="/admin/mail">
          返回邮件列表
        </Link>
      </p>
      <PageTitle title={m.subject || "（无主题）"} description="本机邮件收取服务收到的邮件（查询码已隐去）" />
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="font-bold">发件人</dt>
        <dd className="break-all">{m.from}</dd>
        <dt className="font-bold">收件人</dt>
        <dd className="break-all">{m.to.join("、")}</dd>
        <dt className="font-bold">收到时间</dt>
        <dd>{formatMoment(m.receivedAt)}</dd>
        <dt className="font-bold">邮件标识</dt>
        <dd className="break-all font-mono text-sm">{m.messageId || "—"}</dd>
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
