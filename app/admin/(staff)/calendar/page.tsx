import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-styles";
import { CalendarMonthGrid, type GridDay } from "@/components/admin/calendar-month-grid";
import { CalendarDayForm } from "@/components/admin/calendar-day-form";
import { CalendarImportForm } from "@/components/admin/calendar-import-form";
import { CalendarRemoveForm } from "@/components/admin/calendar-remove-form";
import { CalendarYearForm } from "@/components/admin/calendar-year-form";
import { CalendarRegionForm } from "@/components/admin/calendar-region-form";
import {
  addDays,
  civilDateInShanghai,
  formatChineseDate,
  formatCivilDate,
  isCivilDate,
  weekday,
  WEEKDAY_LABELS,
  yearOf,
  type CivilDate,
} from "@/lib/calendar/civil-date";
import { describeDay } from "@/lib/calendar/working-days";
import { DEFAULT_CALENDAR_REGION, listCalendarRegions, loadCalendar } from "@/lib/calendar/load-calendar";
import { civilToDate, dateToCivil } from "@/lib/calendar/db-dates";
import { chineseDaysCoveredYears } from "@/lib/calendar/chinese-days-source";
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "@/lib/calendar/schema";
import { CALENDAR_DAY_KIND_LABELS } from "@/lib/calendar/labels";

export const metadata = { title: "工作日历" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const inputClass =
  "block rounded border border-gray-500 bg-white px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-700";
const fmtTime = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export default async function CalendarAdminPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePagePermission("calendar:manage", "/admin/calendar");
  const sp = await searchParams;
  const regions = await listCalendarRegions();
  const regionParam = first(sp.region) ?? DEFAULT_CALENDAR_REGION;
  const region = regions.find((r) => r.code === regionParam) ?? regions[0];
  // The national region is created by a migration; without any region there is nothing to manage.
  if (!region) notFound();
  const thisYear = yearOf(civilDateInShanghai(new Date()));
  const yearParam = Number(first(sp.year) ?? thisYear);
  const year = Number.isInteger(yearParam) && yearParam >= MIN_CALENDAR_YEAR && yearParam <= MAX_CALENDAR_YEAR ? yearParam : thisYear;
  const editParam = first(sp.edit);
  const isNational = region.code === DEFAULT_CALENDAR_REGION;

  // Read uncached: the administrator must see exactly what is stored.
  const [cal, stored, yearRecords] = await Promise.all([
    loadCalendar(region.code, { client: db() }),
    db().calendarDay.findMany({
      where: {
        regionCode: { in: isNational ? [region.code] : [DEFAULT_CALENDAR_REGION, region.code] },
        date: { gte: civilToDate(`${year}-01-01`), lt: civilToDate(`${year + 1}-01-01`) },
      },
      orderBy: [{ date: "asc" }, { regionCode: "asc" }],
      select: { regionCode: true, date: true, kind: true, name: true, updatedAt: true },
    }),
    db().calendarYear.findMany({
      where: { regionCode: { in: [DEFAULT_CALENDAR_REGION, region.code] }, year },
      select: { regionCode: true, source: true, loadedAt: true },
    }),
  ]);
  const ownYear = yearRecords.find((y) => y.regionCode === region.code);
  const nationalYear = yearRecords.find((y) => y.regionCode === DEFAULT_CALENDAR_REGION);
  const effectiveLoaded = cal.loadedYears.has(year);
  const localDates = new Set(stored.filter((d) => d.regionCode !== DEFAULT_CALENDAR_REGION).map((d) => dateToCivil(d.date)));

  const grid = new Map<CivilDate, GridDay>();
  let workingDays = 0;
  for (let d = formatCivilDate(year, 1, 1); yearOf(d) === year; d = addDays(d, 1)) {
    const info = describeDay(cal, d);
    if (info.working) workingDays += 1;
    grid.set(d, { category: info.category, reason: info.reason, local: localDates.has(d) });
  }
  const editRow =
    editParam && isCivilDate(editParam) ? stored.find((d) => dateToCivil(d.date) === editParam && d.regionCode === region.code) : undefined;
  const covered = chineseDaysCoveredYears();
  const href = (o: { region?: string; year?: number; edit?: string }) =>
    `/admin/calendar?${new URLSearchParams({ region: o.region ?? region.code, year: String(o.year ?? year), ...(o.edit ? { edit: o.edit } : {}) })}`;

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">工作日历</h1>
      <p className="mb-4 max-w-prose text-gray-800">
        法定节假日和调休上班日按年维护（国务院办公厅每年公布；少数民族地区另有地方节日）。所有期限均按此日历计算；
        未标记为“已载入”的年份，涉及该年的期限显示为“暂定”。
      </p>

      <form
        method="get"
        action="/admin/calendar"
        aria-label="选择地区和年份"
        className="mb-6 flex flex-wrap items-end gap-4 rounded border border-gray-300 bg-white p-4"
      >
        <div>
          <label htmlFor="cal-region" className="mb-1 block font-medium">
            地区
          </label>
          <select id="cal-region" name="region" defaultValue={region.code} className={inputClass}>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cal-year" className="mb-1 block font-medium">
            年份
          </label>
          <input
            id="cal-year"
            name="year"
            type="number"
            min={MIN_CALENDAR_YEAR}
            max={MAX_CALENDAR_YEAR}
            defaultValue={year}
            className={`${inputClass} w-28`}
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          查看
        </button>
        <nav aria-label="切换年份" className="flex gap-3">
          <Link href={href({ year: year - 1 })} className="text-blue-800 underline">
            ‹ {year - 1} 年
          </Link>
          <Link href={href({ year: year + 1 })} className="text-blue-800 underline">
            {year + 1} 年 ›
          </Link>
        </nav>
      </form>

      {regionParam !== region.code ? (
        <Alert tone="warning" role="none" className="mb-4" title={`未知的地区“${regionParam.slice(0, 32)}”，已显示${region.name}`} />
      ) : null}

      <section aria-labelledby="year-status" className="mb-8 rounded border border-gray-300 bg-white p-4">
        <h2 id="year-status" className="mb-2 text-xl font-bold">
          {region.name} {year} 年：{effectiveLoaded ? "已载入" : "未载入（期限为暂定）"}
        </h2>
        <ul className="mb-3 list-disc ps-6" data-testid="year-status">
          <li>
            {isNational ? "全国放假安排" : `${region.name}地方节日`}：
            {ownYear ? `已载入，来源：${ownYear.source}，载入时间：${fmtTime(ownYear.loadedAt)}` : "未载入"}
          </li>
          {!isNational ? (
            <li>
              全国放假安排：{nationalYear ? `已载入，来源：${nationalYear.source}` : "未载入"}（地方日历 = 全国日历 +
              地方节日，两者都载入后才不再暂定）
            </li>
          ) : null}
          <li>
            全年工作日：{workingDays} 天{effectiveLoaded ? "" : "（按现有记录推算）"}
          </li>
        </ul>
        <CalendarYearForm region={region.code} year={year} loaded={Boolean(ownYear)} />
      </section>

      <section aria-labelledby="grid-title" className="mb-8">
        <h2 id="grid-title" className="mb-2 text-xl font-bold">
          {year} 年日历
        </h2>
        <p className="mb-3 text-sm text-gray-700">每天注明：工作日、休息（周末）、休·节日名称、调休上班；“（地方）”为本地区记录。</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 12 }, (_, i) => (
            <div key={i} className="rounded border border-gray-300 bg-white p-2">
              <CalendarMonthGrid year={year} month={i + 1} days={grid} />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="days-title" className="mb-8">
        <h2 id="days-title" className="mb-2 text-xl font-bold">
          {year} 年的节假日和调休上班日（{stored.length} 条）
        </h2>
        {stored.length === 0 ? (
          <p>本年尚无记录。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <caption className="sr-only">
                {region.name} {year} 年的节假日和调休上班日
              </caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className="p-2">
                    日期
                  </th>
                  <th scope="col" className="p-2">
                    星期
                  </th>
                  <th scope="col" className="p-2">
                    类型
                  </th>
                  <th scope="col" className="p-2">
                    名称
                  </th>
                  {!isNational ? (
                    <th scope="col" className="p-2">
                      所属
                    </th>
                  ) : null}
                  <th scope="col" className="p-2">
                    操作
                  </th>
                </tr>
              </thead>
              <tbody>
                {stored.map((d) => {
                  const date = dateToCivil(d.date);
                  const own = d.regionCode === region.code;
                  const overridden = !own && localDates.has(date);
                  const label = `${formatChineseDate(date)} ${d.name}`;
                  return (
                    <tr key={`${d.regionCode}-${date}`} className="border-b border-gray-200">
                      <th scope="row" className="p-2 font-normal">
                        {date}
                      </th>
                      <td className="p-2">{WEEKDAY_LABELS[weekday(date)]}</td>
                      <td className="p-2">{CALENDAR_DAY_KIND_LABELS[d.kind]}</td>
                      <td className="p-2">{d.name}</td>
                      {!isNational ? <td className="p-2">{own ? "本地区" : overridden ? "全国（已被本地区记录覆盖）" : "全国"}</td> : null}
                      <td className="p-2">
                        {own ? (
                          <span className="flex flex-wrap items-center gap-2">
                            <Link href={`${href({ edit: date })}#day-form`} className="text-blue-800 underline">
                              编辑<span className="sr-only">{label}</span>
                            </Link>
                            <CalendarRemoveForm region={region.code} date={date} label={label} />
                          </span>
                        ) : (
                          <Link
                            href={`${href({ region: DEFAULT_CALENDAR_REGION, edit: date })}#day-form`}
                            className="text-blue-800 underline"
                          >
                            在全国日历中编辑<span className="sr-only">{label}</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section id="day-form" aria-labelledby="day-form-title" className="mb-8 rounded border border-gray-300 bg-white p-4">
        <h2 id="day-form-title" className="mb-2 text-xl font-bold">
          {editRow ? `修改 ${editParam}（${region.name}）` : `添加日期（${region.name}）`}
        </h2>
        {editRow ? (
          <p className="mb-3">
            <Link href={href({})} className="text-blue-800 underline">
              取消修改，改为添加新日期
            </Link>
          </p>
        ) : null}
        <CalendarDayForm
          key={editRow ? editParam : "new"}
          region={region.code}
          date={editRow ? editParam : undefined}
          kind={editRow?.kind}
          name={editRow?.name}
        />
      </section>

      <section aria-labelledby="import-title" className="mb-8 rounded border border-gray-300 bg-white p-4">
        <h2 id="import-title" className="mb-2 text-xl font-bold">
          导入一年的放假安排（{region.name}）
        </h2>
        <CalendarImportForm
          region={region.code}
          year={year}
          coveredYears={`${covered[0]}–${covered[covered.length - 1]}`}
          national={isNational}
        />
      </section>

      <section aria-labelledby="region-title" className="mb-8 rounded border border-gray-300 bg-white p-4">
        <h2 id="region-title" className="mb-2 text-xl font-bold">
          地区
        </h2>
        <p className="mb-3 max-w-prose text-gray-800">
          少数民族地区的地方节日由当地人民政府规定。地方日历 = 全国日历 + 本地区的节日记录；新增地区后，请导入其地方节日并标记年份为已载入。
          现有地区：{regions.map((r) => `${r.name}（${r.code}）`).join("、")}。
        </p>
        <CalendarRegionForm />
      </section>
    </>
  );
}
