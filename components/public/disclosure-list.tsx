import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { PublicListRow } from "@/lib/disclosure/public-queries";
import { itemPath } from "@/lib/disclosure/public-params";
import { chinaDate, validityLabel } from "@/lib/disclosure/public-format";

export type DisclosureListProps = {
  rows: readonly PublicListRow[];
  caption: string;
  /** Hide the 发布机构 column (on a department's own page). */
  hideDepartment?: boolean;
};

/**
 * The catalogue table: 索引号, 标题 (with 文号), 发布机构, 发布日期. A document that is no
 * longer valid is marked in words (【已废止】), not by colour.
 */
export function DisclosureList({ rows, caption, hideDepartment }: DisclosureListProps) {
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col" className="hidden whitespace-nowrap md:table-cell">
            索引号
          </th>
          <th scope="col">标题</th>
          {hideDepartment ? null : (
            <th scope="col" className="hidden whitespace-nowrap sm:table-cell">
              发布机构
            </th>
          )}
          <th scope="col" className="whitespace-nowrap">
            发布日期
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="hidden whitespace-nowrap font-mono text-sm text-ink-soft md:table-cell">{r.indexNumber}</td>
            <td>
              <Link href={itemPath(r.id)} className="text-link underline underline-offset-4">
                {r.validity !== "VALID" ? <span className="me-1 font-bold text-warning">【{validityLabel(r.validity)}】</span> : null}
                {r.title}
              </Link>
              {r.documentNumber ? <span className="ms-2 text-sm text-muted">{r.documentNumber}</span> : null}
            </td>
            {hideDepartment ? null : <td className="hidden text-ink-soft sm:table-cell">{r.department?.name ?? ""}</td>}
            <td className="whitespace-nowrap text-ink-soft">
              <time dateTime={r.publishedAt.toISOString()}>{chinaDate(r.publishedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
