import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { FeeRow } from "@/lib/structured/fees";

const STATUS_CLASS: Record<string, string> = {
  VALID: "text-success",
  CANCELLED: "text-danger",
  ADJUSTED: "text-warning",
  EXPIRED: "text-muted",
  NOT_STARTED: "text-muted",
};

/** The fee schedule table; the status is written out in words (colour is never the only signal). */
export function StructuredFeeTable({ rows, caption }: { rows: FeeRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">收费项目</th>
          <th scope="col">收费单位</th>
          <th scope="col">收费标准</th>
          <th scope="col">收费依据</th>
          <th scope="col">执行期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.itemId} data-testid="fee-row" data-status={r.status}>
            <th scope="row" className="font-normal">
              <Link href={`/xxgk/fees/${r.itemId}`} className="text-link underline underline-offset-4">
                {r.name}
              </Link>
              {r.code ? <div className="text-sm text-muted">{r.code}</div> : null}
            </th>
            <td>{r.departmentName}</td>
            <td data-testid="fee-standard">{r.standard}</td>
            <td>
              <ul>
                {r.legalBases.map((b, i) => (
                  <li key={i} className="text-sm">
                    {b.itemId ? (
                      <Link href={`/xxgk/items/${b.itemId}`} className="text-link underline underline-offset-4">
                        {b.title}
                      </Link>
                    ) : (
                      b.title
                    )}
                    {b.documentNumber ? `（${b.documentNumber}）` : ""}
                  </li>
                ))}
              </ul>
            </td>
            <td className="whitespace-nowrap text-sm">
              {r.validFrom} 起{r.validUntil ? <br /> : null}
              {r.validUntil ? `至 ${r.validUntil}` : null}
            </td>
            <td className="whitespace-nowrap">
              <strong className={STATUS_CLASS[r.status]} data-testid="fee-status">
                {r.statusLabel}
              </strong>
              {r.withdrawn ? <div className="text-sm">信息已撤回</div> : null}
              {r.status === "CANCELLED" && r.since ? <div className="text-sm">{r.since} 取消</div> : null}
              {r.upcoming?.status === "CANCELLED" ? <div className="text-sm">将于 {r.upcoming.on} 取消</div> : null}
              {r.upcoming?.status === "ADJUSTED" && r.upcoming.successorItemId ? (
                <div className="text-sm">
                  将于 {r.upcoming.on} 起调整为
                  <Link href={`/xxgk/fees/${r.upcoming.successorItemId}`} className="text-link underline underline-offset-4">
                    {r.upcoming.successorName ?? "新标准"}
                  </Link>
                </div>
              ) : null}
              {r.status === "ADJUSTED" && r.successorItemId ? (
                <div className="text-sm">
                  {r.since ? `${r.since} 起` : ""}调整为
                  <Link href={`/xxgk/fees/${r.successorItemId}`} className="text-link underline underline-offset-4">
                    {r.successorName ?? "新标准"}
                  </Link>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
