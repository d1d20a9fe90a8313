/** A moment as staff read it: Asia/Shanghai, 24-hour. */
export function formatMoment(d: Date | null | undefined): string {
  if (!d) return "—";
  return d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
