import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-styles";
import { PUBLIC_FEE_STATUS_LABELS, PUBLIC_FEE_STATUSES } from "@/lib/structured/rules/fee";

const input =
  "block w-full rounded border border-line bg-white px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1";

/** A plain GET form (works without JavaScript): keyword, department, status. */
export function StructuredFeeFilters(p: { q: string; dept: string; status: string; departments: Array<[string, string]> }) {
  return (
    <form method="get" action="/xxgk/fees" role="search" aria-label="查询收费项目" className="mb-6 grid gap-4 rounded-md border border-line bg-surface p-4 md:grid-cols-4">
      <div>
        <label htmlFor="fee-q" className="mb-1 block font-medium">
          关键词
        </label>
        <input id="fee-q" name="q" defaultValue={p.q} placeholder="项目名称、编码或依据文号" className={input} />
      </div>
      <div>
        <label htmlFor="fee-dept" className="mb-1 block font-medium">
          收费单位
        </label>
        <select id="fee-dept" name="dept" defaultValue={p.dept} className={input}>
          <option value="">全部单位</option>
          {p.departments.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="fee-status" className="mb-1 block font-medium">
          状态
        </label>
        <select id="fee-status" name="status" defaultValue={p.status} className={input}>
          <option value="">全部状态</option>
          {PUBLIC_FEE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PUBLIC_FEE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          查询
        </button>
        <Link href="/xxgk/fees" className="text-link underline underline-offset-4">
          清除条件
        </Link>
      </div>
    </form>
  );
}
