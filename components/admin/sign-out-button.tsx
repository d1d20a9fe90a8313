"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/admin/login" })}
      className="rounded border border-white/70 px-3 py-1 text-white hover:bg-white/10 focus-visible:outline focus-visible:outline-3 focus-visible:outline-yellow-300"
    >
      退出登录
    </button>
  );
}
