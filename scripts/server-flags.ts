// Node flags of the production server (scripts/server.ts), shared by `npm start` and
// `npm run bench` so the benchmark measures the process the portal runs as.
//
// A heap limit makes V8 collect garbage before it grows: without one it may take up to a
// quarter of the machine's memory before collecting in earnest. Measured at 1,000,000 items
// under 50 connections (docs/performance.md): peak RSS 500–630 MB without the limit and
// 544 MB with 384 MB, at the same throughput; with every cache off, 1,014 MB vs 629 MB.
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const mb = Number(env.NODE_HEAP_MB ?? 384);
  return Number.isInteger(mb) && mb >= 128 ? [`--max-old-space-size=${mb}`] : [];
}
