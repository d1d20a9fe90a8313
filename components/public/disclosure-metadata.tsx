import Link from "next/link";
import type { PublicItemDetail } from "@/lib/disclosure/public-queries";
import { chineseDate, modeLabel, scopeLabel, validityLabel } from "@/lib/disclosure/public-format";
import { categoryHref } from "@/lib/site/category-tree";

/**
 * The 元数据 table above an item (索引号 · 主题分类 · 发布机构 · 成文日期 · 发布日期 · 文号 ·
 * 有效性 · 公开方式 · 公开范围, plus 主题词), as a two-column definition table.
 */
export function DisclosureMetadata({ item }: { item: PublicItemDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["索引号", <span key="i" className="font-mono">{item.indexNumber}</span>],
    [
      "主题分类",
      item.category ? (
        <Link key="c" href={categoryHref(item.category.code)} className="text-link underline underline-offset-4">
          {item.category.name}
        </Link>
      ) : (
        "—"
      ),
    ],
    [
      "发布机构",
      item.department ? (
        <Link key="d" href={`/xxgk/departments/${encodeURIComponent(item.department.id)}`} className="text-link underline underline-offset-4">
          {item.department.name}
        </Link>
      ) : (
        "—"
      ),
    ],
    ["成文日期", chineseDate(item.writtenOn)],
    ["发布日期", chineseDate(item.publishedAt)],
    ["文号", item.documentNumber || "无"],
    ["有效性", <strong key="v">{validityLabel(item.validity)}</strong>],
    ["公开方式", modeLabel(item.disclosureMode)],
    ["公开范围", scopeLabel(item.disclosureScope)],
  ];
  if (item.keywords.length) rows.push(["主题词", item.keywords.join("、")]);
  return (
    <div role="region" aria-label="元数据" tabIndex={0} className="mb-6 overflow-x-auto rounded-md border border-line">
      <table className="w-full border-collapse bg-surface text-left">
        <caption className="sr-only">元数据</caption>
        <tbody className="grid grid-cols-1 md:grid-cols-2">
          {rows.map(([label, value]) => (
            <tr key={label} className="flex border-b border-line">
              <th scope="row" className="w-24 shrink-0 bg-surface-muted px-3 py-2 font-bold whitespace-nowrap">
                {label}
              </th>
              <td className="min-w-0 break-words px-3 py-2">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
