import type { CategoryNode } from "@/lib/site/category-tree";
import type { NamedRef } from "@/lib/disclosure/public-queries";

export type DisclosureFiltersProps = {
  /** Path the GET form submits to. */
  action: string;
  /** The category tree; omit to hide the category field. */
  categories?: readonly CategoryNode[];
  /** Departments; omit to hide the department field. */
  departments?: readonly Pick<NamedRef, "code" | "name">[];
  years: readonly number[];
  selected: { category?: string; department?: string; year?: number };
};

const select =
  "min-h-11 w-full rounded-md border-2 border-line bg-surface px-2 text-base text-ink sm:w-auto sm:max-w-xs";

/** 主题分类 / 发布机构 / 年份 filters: a plain GET form, so it works without JavaScript. */
export function DisclosureFilters({ action, categories, departments, years, selected }: DisclosureFiltersProps) {
  const options: { code: string; label: string }[] = [];
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const n of nodes) {
      options.push({ code: n.code, label: `${"　".repeat(n.depth)}${n.name}` });
      walk(n.children);
    }
  };
  if (categories) walk(categories);
  return (
    <form action={action} method="get" aria-label="筛选" className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-4">
      {categories ? (
        <div className="flex w-full flex-col gap-1 sm:w-auto">
          <label htmlFor="filter-category" className="font-medium">
            主题分类
          </label>
          <select id="filter-category" name="category" defaultValue={selected.category ?? ""} className={select}>
            <option value="">全部分类</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {departments ? (
        <div className="flex w-full flex-col gap-1 sm:w-auto">
          <label htmlFor="filter-department" className="font-medium">
            发布机构
          </label>
          <select id="filter-department" name="department" defaultValue={selected.department ?? ""} className={select}>
            <option value="">全部机构</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex w-full flex-col gap-1 sm:w-auto">
        <label htmlFor="filter-year" className="font-medium">
          发布年份
        </label>
        <select id="filter-year" name="year" defaultValue={selected.year ? String(selected.year) : ""} className={select}>
          <option value="">全部年份</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-md border-2 border-brand bg-brand px-5 font-bold text-on-brand hover:bg-brand-strong"
      >
        筛选
      </button>
    </form>
  );
}
