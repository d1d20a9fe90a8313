"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

export type ErrorViewProps = {
  /** The value passed to an error.tsx boundary. */
  error: unknown;
  /** The boundary's retry(). */
  retry: () => void;
};

/**
 * Body of the error boundaries: a generic Chinese message and the error id
 * (Next's digest, which matches the server log) — never the message or stack.
 */
export function ErrorView({ error, retry }: ErrorViewProps) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;

  useEffect(() => {
    // Browser console only; the server has already logged the original error.
    console.error("页面出错", digest ?? "");
  }, [digest]);

  return (
    <div className="mx-auto w-full max-w-2xl py-8 sm:py-14">
      <div role="alert" className="rounded-lg border-l-4 border-danger bg-surface p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-ink">抱歉，页面暂时无法显示</h1>
        <p className="mt-3 text-ink-soft">
          系统出现了问题，我们已记录该错误。请稍后重试；如问题持续存在，请联系网站管理部门并告知下方的错误编号。
        </p>
        {digest ? (
          <p className="mt-4 text-ink">
            错误编号：<code className="rounded bg-surface-muted px-2 py-0.5 font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={() => retry()}>重试</Button>
        <LinkButton href="/" variant="secondary">
          返回首页
        </LinkButton>
      </div>
    </div>
  );
}
