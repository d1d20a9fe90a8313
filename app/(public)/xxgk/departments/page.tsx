import type { Metadata } from "next";
import { ContactLink } from "@/components/public/contact-link";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { safeLoad } from "@/lib/site/safe-load";
import { DEPARTMENT_GROUPS, departmentAnchor, getPublicDepartments, type PublicDepartment } from "@/lib/site/departments";

export const metadata: Metadata = { title: "政府信息公开机构" };

/** 机构 list: name, address, office hours, phone and head of every department. */
export default async function DepartmentsPage() {
  const load = await safeLoad(getPublicDepartments);
  const departments = load.ok ? load.data : [];
  const groups = DEPARTMENT_GROUPS.map((g) => ({ ...g, list: departments.filter((d) => d.kind === g.kind) })).filter(
    (g) => g.list.length > 0,
  );
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "政府信息公开", href: "/xxgk" }, { label: "政府信息公开机构" }]}
      />
      <PageTitle title="政府信息公开机构" description="各机构的办公地址、办公时间、联系电话和负责人姓名（《条例》第二十条第（二）项）。" />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && groups.length === 0 ? <Alert tone="info" role="none" title="机构信息正在整理中" /> : null}
      <div className="space-y-10">
        {groups.map((g) => (
          <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
            <h2 id={`group-${g.kind}`} className="mb-4 text-xl font-bold text-ink sm:text-2xl">
              {g.label}
              <span className="ms-2 text-base font-normal text-muted">（{g.list.length} 个）</span>
            </h2>
            <ul className="grid gap-4 md:grid-cols-2">
              {g.list.map((d) => (
                <li key={d.id} className="flex">
                  <DepartmentCard d={d} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

function DepartmentCard({ d }: { d: PublicDepartment }) {
  const rows: [string, string, boolean][] = [
    ["办公地址", d.address + (d.address && d.postalCode ? `（邮编：${d.postalCode}）` : ""), true],
    ["办公时间", d.officeHours, true],
    ["联系电话", d.phone, true],
    ["传真", d.fax, false],
    ["电子邮箱", d.email, false],
    ["负责人", d.headName, true],
  ];
  return (
    <article id={departmentAnchor(d.code)} className="w-full scroll-mt-4 rounded-lg border border-line bg-surface p-5">
      <h3 className="text-lg font-bold text-ink">{d.name}</h3>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        {rows
          .filter(([, value, always]) => always || value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="whitespace-nowrap text-muted">{label}：</dt>
              <dd className="min-w-0 break-words text-ink">
                {value ? (
                  label === "联系电话" ? (
                    <ContactLink kind="phone" value={value} />
                  ) : label === "电子邮箱" ? (
                    <ContactLink kind="email" value={value} />
                  ) : (
                    value
                  )
                ) : (
                  <span className="text-muted">暂未公布</span>
                )}
              </dd>
            </div>
          ))}
      </dl>
    </article>
  );
}
