import { requireUser } from "@/lib/auth/guard";
import { workQueue } from "@/lib/disclosure/queries";
import { DisclosureSubnav } from "@/components/admin/disclosure-subnav";
import { DisclosureItemTable } from "@/components/admin/disclosure-item-table";

export const metadata = { title: "待办审核" };

export default async function QueuePage() {
  const user = await requireUser("/admin/disclosures/queue");
  const q = await workQueue(user);
  const sections = [
    { key: "review", title: "待保密审查", items: q.review, show: user.roles.includes("REVIEWER") },
    { key: "sign", title: "待我签发", items: q.sign, show: user.roles.includes("DIRECTOR") || user.roles.includes("PRINCIPAL") },
    { key: "publish", title: "已签发待发布", items: q.toPublish, show: user.roles.includes("CLERK") },
    { key: "returned", title: "被退回待修改", items: q.returned, show: user.roles.includes("CLERK") },
  ].filter((s) => s.show);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">待办审核</h1>
      <DisclosureSubnav user={user} current="/admin/disclosures/queue" />
      {sections.length === 0 ? <p>您的角色没有主动公开审核任务。</p> : null}
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`q-${s.key}`} className="mb-8">
          <h2 id={`q-${s.key}`} className="mb-2 text-xl font-bold">
            {s.title}（{s.items.length}）
          </h2>
          <DisclosureItemTable caption={s.title} items={s.items} empty="暂无待办" />
        </section>
      ))}
    </>
  );
}
