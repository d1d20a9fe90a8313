import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ADMIN_NAV, WORK_QUEUE_HREF } from "@/lib/auth/admin-nav";
import { workQueueCount } from "@/lib/disclosure/queries";
import { SignOutButton } from "@/components/admin/sign-out-button";

export const dynamic = "force-dynamic";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const nav = ADMIN_NAV.filter((n) => hasPermission(user.roles, n.permission));
  // Every page shows how much waits for this user (review, sign-off, publication, returns).
  const waiting = await workQueueCount(user);
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="bg-red-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="text-lg font-bold focus-visible:outline focus-visible:outline-3 focus-visible:outline-yellow-300">
            政府信息公开管理系统
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="current-user">
              {user.displayName}（{user.departmentName} · {user.roles.map((r) => ROLE_LABELS[r]).join("、")}）
            </span>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="管理菜单" className="bg-red-950/40">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
            {nav.map((n) => (
              <li key={n.href}>
                <Link
                  href={n.href}
                  className="block px-3 py-2 hover:bg-white/10 focus-visible:outline focus-visible:outline-3 focus-visible:outline-yellow-300"
                >
                  {n.label}
                  {n.href === WORK_QUEUE_HREF && waiting > 0 && (
                    <span className="ml-1 rounded-full bg-yellow-300 px-2 text-sm font-bold text-black" data-testid="work-queue-badge">
                      {waiting}
                      <span className="sr-only">件待办</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
            <li>
              <Link
                href="/"
                className="block px-3 py-2 hover:bg-white/10 focus-visible:outline focus-visible:outline-3 focus-visible:outline-yellow-300"
              >
                查看门户网站
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
