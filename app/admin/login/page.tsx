import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { currentUser } from "@/lib/auth/guard";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { CSRF_COOKIE_NAMES, csrfTokenFromCookie } from "@/lib/auth/csrf";
import { authSecret } from "@/lib/env";
import { LoginForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "工作人员登录" };
export const dynamic = "force-dynamic";

/** Only same-site relative paths are accepted as a destination. */
function safeNext(v: string | undefined): string {
  return v && v.startsWith("/admin") && !v.startsWith("//") ? v : "/admin";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const sp = await searchParams;
  const next = safeNext(sp.next);
  if (await currentUser()) redirect(next);
  // Never echo ?error= itself: only fixed texts (a crafted link could otherwise put any words on this page).
  const initialError = loginErrorMessage(sp.error);
  const jar = await cookies();
  const csrfCookie = CSRF_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  const csrfToken = csrfTokenFromCookie(csrfCookie, authSecret());
  return (
    <main id="main-content" tabIndex={-1} className="mx-auto max-w-md px-4 py-12">
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-bold">政府信息公开管理系统</h1>
        <p className="mb-6 text-gray-700">工作人员登录。连续 5 次密码错误将锁定账号 15 分钟；30 分钟无操作将自动退出。</p>
        <LoginForm next={next} initialError={initialError} csrfToken={csrfToken} />
      </div>
      <p className="mt-6 text-center">
        <Link href="/" className="text-blue-800 underline">
          返回门户网站首页
        </Link>
      </p>
    </main>
  );
}
