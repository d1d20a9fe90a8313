import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { workQueueCount } from "@/lib/disclosure/queries";

/** Tabs of the 主动公开 area, with the count of the user's pending tasks. */
export async function DisclosureSubnav({ user, current }: { user: SessionUser; current: string }) {
  const count = await workQueueCount(user);
  const tabs = [
    { href: "/admin/disclosures/queue", label: "待办审核", badge: count },
    { href: "/admin/disclosures?view=mine", label: "我的草稿" },
    { href: "/admin/disclosures", label: "全部信息" },
    { href: "/admin/disclosures/withheld", label: "不予公开清单" },
    ...(user.roles.includes("CLERK") ? [{ href: "/admin/disclosures/new", label: "新建信息" }] : []),
  ];
  return (
    <nav aria-label="主动公开" className="mb-6 border-b border-gray-300">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={current === t.href ? "page" : undefined}
              className="inline-block rounded-t px-3 py-2 hover:bg-gray-100 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700 aria-[current=page]:border-b-4 aria-[current=page]:border-red-800 aria-[current=page]:font-bold"
            >
              {t.label}
              {"badge" in t && t.badge ? (
                <span className="ml-1 rounded-full bg-red-800 px-2 text-sm text-white" data-testid="queue-count">
                  {t.badge}
                  <span className="sr-only">项待办</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
