// Next.js calls register() once when a server process starts. The Node.js runtime runs the
// scheduled-publication poller (定时发布); the edge runtime has no database access. The
// import sits inside the NEXT_RUNTIME check so edge bundles never include it.

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.DISCLOSURE_SCHEDULER !== "off") {
    const { startScheduledPublisher } = await import("./lib/jobs/scheduler");
    startScheduledPublisher();
  }
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The first publication after a start would otherwise load the segmenter's dictionary
    // inside its transaction.
    const { warmSegmenter } = await import("./lib/search/tokens");
    warmSegmenter();
  }
}
