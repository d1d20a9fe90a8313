// Next.js calls register() once when a server process starts. The Node.js runtime runs the
// job runner (graphile-worker: the outbox's mail and letters, 定时发布 and the other
// scheduled work, lib/jobs/runner.ts) unless DISCLOSURE_SCHEDULER=off or JOBS=off; the edge
// runtime has no database access. The imports sit inside the NEXT_RUNTIME check so edge
// bundles never include them.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { jobRunnerEnabled } = await import("./lib/jobs/enabled");
  if (jobRunnerEnabled()) {
    const { startJobRunner } = await import("./lib/jobs/runner");
    // A runner that cannot start (database unreachable) must not take the site down: pages
    // still serve, and the error says why no background work runs.
    startJobRunner().catch((e: unknown) => {
      console.error("[后台任务] 任务执行器未能启动，邮件和定时任务暂不执行：", e instanceof Error ? e.message : e);
    });
  }
  // The first publication after a start would otherwise load the segmenter's dictionary
  // inside its transaction.
  const { warmSegmenter } = await import("./lib/search/tokens");
  warmSegmenter();
}
