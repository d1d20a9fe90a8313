// Whether this process runs background jobs. DISCLOSURE_SCHEDULER=off (the old name, kept)
// or JOBS=off: no runner — tests, benchmarks, or a process that only serves pages while
// another one runs the jobs. Kept apart from runner.ts so checking it loads nothing else.

export function jobRunnerEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.DISCLOSURE_SCHEDULER !== "off" && source.JOBS !== "off";
}
