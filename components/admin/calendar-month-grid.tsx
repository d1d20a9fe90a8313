import { addDays, formatCivilDate, weekday, type CivilDate } from "@/lib/calendar/civil-date";
import type { DayCategory } from "@/lib/calendar/working-days";

export type GridDay = { category: DayCategory; reason: string; local: boolean };

const HEAD = [
  ["一", "星期一"],
  ["二", "星期二"],
  ["三", "星期三"],
  ["四", "星期四"],
  ["五", "星期五"],
  ["六", "星期六"],
  ["日", "星期日"],
] as const;

const cellClass: Record<DayCategory, string> = {
  WEEKDAY: "bg-surface",
  WEEKEND: "bg-surface-muted",
  HOLIDAY: "bg-danger-soft",
  MAKEUP_WORKDAY: "bg-info-soft",
};

/** The status written out, so that colour is never the only cue. */
function statusText(d: GridDay): string {
  switch (d.category) {
    case "WEEKDAY":
      return "工作日";
    case "WEEKEND":
      return "休息";
    case "HOLIDAY":
      return `休·${d.reason}`;
    case "MAKEUP_WORKDAY":
      return "调休上班";
  }
}

/**
 * One table per month (Monday first), each day with its status in text:
 * 工作日 / 休息 (weekend) / 休·春节 (holiday) / 调休上班. Rows of a local region
 * are marked "地方".
 */
export function CalendarMonthGrid({ year, month, days }: { year: number; month: number; days: ReadonlyMap<CivilDate, GridDay> }) {
  const first = formatCivilDate(year, month, 1);
  const lead = (weekday(first) + 6) % 7; // Monday = 0
  const cells = Array.from({ length: lead }, (): CivilDate | null => null);
  for (let d = first; d.startsWith(first.slice(0, 8)); d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<CivilDate | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  return (
    <table className="w-full table-fixed border-collapse text-center text-sm">
      <caption className="py-1 text-left font-bold">
        {year}年{month}月
      </caption>
      <thead>
        <tr>
          {HEAD.map(([short, full]) => (
            <th key={full} scope="col" className="border border-line bg-surface-muted py-1 font-medium">
              <span aria-hidden="true">{short}</span>
              <span className="sr-only">{full}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => {
              if (!date) return <td key={j} className="border border-line" />;
              const d = days.get(date);
              const day = Number(date.slice(8));
              return (
                <td key={date} data-date={date} className={`border border-line px-0.5 py-1 align-top ${d ? cellClass[d.category] : ""}`}>
                  <span className="block font-bold">{day}</span>
                  {d ? (
                    <span className={`block text-xs leading-tight ${d.category === "WEEKDAY" ? "text-muted" : ""}`}>
                      {statusText(d)}
                      {d.local ? "（地方）" : ""}
                    </span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
