import type { Metadata } from "next";
import { PublicShell } from "@/components/public/public-shell";
import { SiteSearchForm } from "@/components/public/site-search-form";
import { LinkButton } from "@/components/ui/link-button";

export const metadata: Metadata = { title: "页面不存在", robots: { index: false } };

/** 404 inside the public frame, with ways back to the site. */
export default function NotFound() {
  return (
    <PublicShell>
      <div className="mx-auto max-w-2xl py-6 text-center sm:py-12">
        <p className="text-5xl font-bold text-brand" aria-hidden="true">
          404
        </p>
        <h1 className="mt-4 text-2xl font-bold text-ink sm:text-3xl">抱歉，您访问的页面不存在</h1>
        <p className="mt-3 text-ink-soft">页面可能已被移动、删除，或者网址输入有误。您可以：</p>
        <ul className="mt-6 flex flex-wrap justify-center gap-3">
          <li>
            <LinkButton href="/">返回首页</LinkButton>
          </li>
          <li>
            <LinkButton href="/xxgk" variant="secondary">
              政府信息公开
            </LinkButton>
          </li>
          <li>
            <LinkButton href="/xxgk/catalog" variant="secondary">
              法定主动公开内容
            </LinkButton>
          </li>
        </ul>
        <div className="mx-auto mt-8 max-w-md text-left">
          <p className="mb-2 font-medium text-ink">或者搜索本站内容：</p>
          <SiteSearchForm inputId="not-found-search-q" ariaLabel="搜索本站内容" />
        </div>
      </div>
    </PublicShell>
  );
}
