"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

/** Staff sign-in. Messages come from the server (lock, disabled, wrong password). */
export function LoginForm({ next, initialError }: { next: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ?? "");
  const [pending, setPending] = useState(false);
  const errRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const username = String(fd.get("username") ?? "").trim();
    const password = String(fd.get("password") ?? "");
    if (!username || !password) {
      setError(!username ? "请输入用户名" : "请输入密码");
      queueMicrotask(() => errRef.current?.focus());
      return;
    }
    setPending(true);
    const res = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
    if (!res || res.error) {
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "用户名或密码错误");
      queueMicrotask(() => errRef.current?.focus());
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error ? (
        <p ref={errRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <span className="font-bold">✗ 登录失败：</span>
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="mb-1 block font-medium">用户名</label>
        <input id="username" name="username" autoComplete="username" required className="block w-full rounded border border-gray-500 px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="block w-full rounded border border-gray-500 px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-red-800 px-5 py-2.5 font-medium text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60">
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
