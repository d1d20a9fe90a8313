import type { Metadata } from "next";
import { cookies } from "next/headers";
import { LoadError } from "@/components/public/load-error";
import { RequestStatusView } from "@/components/public/request-status-view";
import { RequestTrackForm } from "@/components/public/request-track-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { CASE_COOKIE, verifyCaseToken } from "@/lib/requests/public-session";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { safeLoad } from "@/lib/site/safe-load";
import { correctionAction, endTrackingAction, trackAction } from "./actions";

export const metadata: Metadata = { title: "办理进度查询" };
export const dynamic = "force-dynamic";

/**
 * /ysqgk/track: the lookup form (tracking number + query code, POST), or —
 * once this browser holds the signed case cookie — the case's status.
 * `?no=` pre-fills the tracking number (never the code).
 */
export default async function TrackPage({ searchParams }: { searchParams: Promise<{ no?: string | string[]; corrected?: string }> }) {
  const sp = await searchParams;
  const id = verifyCaseToken((await cookies()).get(CASE_COOKIE)?.value);
  const load = id ? await safeLoad(() => loadPublicStatus(id)) : null;
  const no = typeof sp.no === "string" ? sp.no.slice(0, 40) : undefined;
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "依申请公开", href: "/ysqgk" }, { label: "办理进度查询" }]}
      />
      <PageTitle title="办理进度查询" description="输入申请编号和查询码，查看办理进度、答复期限，在线提交补正，下载答复书。" />
      <div className="max-w-3xl">
        {load && !load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
        {load?.ok && load.data ? (
          <RequestStatusView
            view={load.data}
            correctionAction={correctionAction}
            endAction={endTrackingAction}
            corrected={sp.corrected === "1"}
          />
        ) : (
          <RequestTrackForm action={trackAction} defaultTrackingNo={no} />
        )}
      </div>
    </>
  );
}
