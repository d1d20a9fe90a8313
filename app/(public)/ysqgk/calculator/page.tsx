import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClasses } from "@/components/ui/button-styles";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { calculateWorkingDays, type WorkingDaysAnswer } from "@/lib/calendar/calculate-working-days";
import { formatChineseDate, weekday, WEEKDAY_LABELS, compareCivilDates, yearOf } from "@/lib/calendar/civil-date";
import { listCalendarRegions } from "@/lib/calendar/load-calendar";
import { safeLoad } from "@/lib/site/safe-load";

export const metadata: Metadata = { title: "期限计算器" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const inputClass =
  "block w-full rounded-md border-2 border-line bg-surface px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-[invalid=true]:border-danger";

/**
 * 期限计算器: the N-th working day after a start day (the start day is not
 * counted), from the stored working-day calendar. A plain GET form, so it
 * works without JavaScript; the same answer as GET /api/v1/calendar/working-days.
 */
export default async function CalculatorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const values = { from: first(sp.from) ?? "", add: first(sp.add) ?? "", region: first(sp.region) ?? "national" };
  const submitted = sp.from !== undefined || sp.add !== undefined;

  const regionsLoad = await safeLoad(() => listCalendarRegions());
  const regions = regionsLoad.ok ? regionsLoad.data : [{ code: "national", name: "全国" }];
  const result = submitted ? await safeLoad(() => calculateWorkingDays(values)) : null;
  const outcome = result?.ok ? result.data : null;
  const fieldErrors = outcome && !outcome.ok ? outcome.fieldErrors : {};
  const answer = outcome?.ok ? outcome.answer : null;

  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "依申请公开", href: "/ysqgk" }, { label: "期限计算器" }]}
      />
      <PageTitle
        title="期限计算器"
        description="按工作日计算答复等期限：起算日当天不计入，从次日起算；周六、周日和法定节假日不计，调休上班日计入（《政府信息公开条例》第三十三条等）。"
      />
      {result && !result.ok ? <LoadError message={result.message} errorId={result.errorId} /> : null}
      {outcome && !outcome.ok ? (
        <Alert tone="error" title="请检查输入" className="mb-6" id="form-errors">
          <ul className="list-disc ps-5">
            {Object.entries(fieldErrors).flatMap(([k, msgs]) => msgs.map((m) => <li key={`${k}-${m}`}>{m}</li>))}
          </ul>
        </Alert>
      ) : null}

      <form
        method="get"
        action="/ysqgk/calculator"
        noValidate
        className="mb-8 grid max-w-3xl gap-4 rounded-lg border border-line bg-surface p-5 sm:grid-cols-3"
      >
        <Field id="calc-from" label="起算日期" hint="格式：YYYY-MM-DD，例如收到申请之日" errors={fieldErrors.from}>
          <input
            id="calc-from"
            name="from"
            type="date"
            defaultValue={values.from}
            required
            aria-required="true"
            aria-invalid={fieldErrors.from ? true : undefined}
            aria-describedby={describedBy("calc-from", fieldErrors.from)}
            className={inputClass}
          />
        </Field>
        <Field id="calc-add" label="工作日数" hint="1–365，例如答复期限 20" errors={fieldErrors.add}>
          <input
            id="calc-add"
            name="add"
            type="number"
            min={1}
            max={365}
            step={1}
            inputMode="numeric"
            defaultValue={values.add}
            required
            aria-required="true"
            aria-invalid={fieldErrors.add ? true : undefined}
            aria-describedby={describedBy("calc-add", fieldErrors.add)}
            className={inputClass}
          />
        </Field>
        <Field id="calc-region" label="地区" hint="少数民族地区另有地方节日" errors={fieldErrors.region}>
          <select
            id="calc-region"
            name="region"
            defaultValue={values.region}
            aria-invalid={fieldErrors.region ? true : undefined}
            aria-describedby={describedBy("calc-region", fieldErrors.region)}
            className={inputClass}
          >
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-3">
          <button type="submit" className={buttonClasses("primary")}>
            计算
          </button>
        </div>
      </form>

      {answer ? <Answer answer={answer} regionName={regions.find((r) => r.code === answer.region)?.name ?? answer.region} /> : null}
    </>
  );
}

function describedBy(id: string, errors?: string[]) {
  return [`${id}-hint`, errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
}

function Field({ id, label, hint, errors, children }: { id: string; label: string; hint: string; errors?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
        <span className="ms-1 text-danger" aria-hidden="true">
          *
        </span>
        <span className="sr-only">（必填）</span>
      </label>
      {children}
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        {hint}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger">
          ✗ {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

const dayLabel = (d: string) => `${formatChineseDate(d)}（${WEEKDAY_LABELS[weekday(d)]}）`;

function Answer({ answer, regionName }: { answer: WorkingDaysAnswer; regionName: string }) {
  const rows = [...answer.skipped.map((s) => ({ ...s, counted: false })), ...answer.makeupDays.map((s) => ({ ...s, counted: true }))].sort(
    (a, b) => compareCivilDates(a.date, b.date),
  );
  const years = [...new Set([yearOf(answer.from), yearOf(answer.due)])].join("、");
  return (
    <section aria-labelledby="calc-result" className="space-y-6">
      <h2 id="calc-result" className="text-xl font-bold">
        计算结果
      </h2>
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 rounded-lg border-2 border-brand bg-surface p-5 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">起算日期</dt>
        <dd>{dayLabel(answer.from)}（当日不计入）</dd>
        <dt className="font-medium">工作日数</dt>
        <dd>{answer.add} 个工作日</dd>
        <dt className="font-medium">地区</dt>
        <dd>{regionName}</dd>
        <dt className="font-medium">截止日期</dt>
        <dd className="text-lg font-bold" data-testid="calc-due">
          <time dateTime={answer.due}>{dayLabel(answer.due)}</time>
          {answer.provisional ? "（暂定）" : null}
        </dd>
      </dl>
      {answer.provisional ? (
        <Alert tone="warning" title="结果为暂定" role="none">
          计算所涉及年份（{years}）的放假安排尚未公布或尚未载入本系统，相关日期暂按周一至周五为工作日推算，
          实际截止日期可能因放假安排而推后。请以国务院办公厅公布的放假安排为准。
        </Alert>
      ) : null}
      {rows.length > 0 ? (
        <Table caption={`期间内的非工作日和调休上班日（共 ${rows.length} 天）`}>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">原因</th>
              <th scope="col">是否计入期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <th scope="row" className="font-normal">
                  <time dateTime={r.date}>{dayLabel(r.date)}</time>
                </th>
                <td>{r.reason}</td>
                <td>{r.counted ? "计入（调休上班）" : "不计入"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>期间内没有需要跳过的非工作日。</p>
      )}
      <p className="text-sm text-muted">
        说明：本计算器仅计算工作日，不含因征求第三方意见、缴纳费用等依法不计入的期间。 数据接口：
        <code>
          /api/v1/calendar/working-days?from={answer.from}&amp;add={answer.add}
          {answer.region !== "national" ? `&region=${answer.region}` : ""}
        </code>
      </p>
    </section>
  );
}
