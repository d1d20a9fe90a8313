"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

/**
 * Staff sign-in. Messages come from the server (lock, disabled, wrong password).
 *
 * With JavaScript the submit is intercepted and sent through next-auth's
 * client. Before hydration (or without JavaScript) the browser posts the form
 * itself, so it must never be a GET (the password would land in the URL,
 * history and access logs): it is a POST straight to next-auth's credentials
 * callback, carrying the CSRF token the page read from next-auth's cookie.
 * Without that cookie (first visit without JavaScript) next-auth refuses the
 * post, sets the cookie and sends the visitor back here; the second try works.
 */
/** A text field of the form; a File (never sent by these inputs) counts as empty. */
function formText(fd: FormData, name: string): string {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
}

export function LoginForm({ next, initialError, csrfToken }: { next: string; initialError?: string; csrfToken?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ?? "");
  const [pending, setPending] = useState(false);
  const errRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(e: React.SubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const username = formText(fd, "username").trim();
    const password = formText(fd, "password");
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
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value={next} />
      {error ? (
        <p ref={errRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <span className="font-bold">✗ 登录失败：</span>
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="mb-1 block font-medium">
          用户名
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          className="block w-full rounded border border-gray-500 px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded border border-gray-500 px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-red-800 px-5 py-2.5 font-medium text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
