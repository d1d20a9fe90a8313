import Link from "next/link";
import { Table } from "@/components/ui";
import type { ItemState } from "@/lib/disclosure/rules/workflow";
import { formatDate } from "@/lib/disclosure/form-options";
import { IMPORTANCE_TIER_LABELS, type ImportanceTier } from "@/lib/disclosure/rules/validity";
import { DisclosureStateBadge, TimelinessFlag } from "./disclosure-state-badge";

export type ItemTableRow = {
  id: string;
  indexNumber: string;
  state: ItemState;
  publishedRevisionId: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  workingRevision: { title: string; tier: string; negative: boolean } | null;
  timeliness: { late: boolean; workingDays: number; remaining: number; published: boolean } | null;
};

export function DisclosureItemTable({ caption, items, empty = "暂无信息" }: { caption: string; items: ItemTableRow[]; empty?: string }) {
  if (items.length === 0) return <p className="rounded border border-gray-300 bg-white p-4">{empty}</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">索引号</th>
          <th scope="col">状态</th>
          <th scope="col">重要程度</th>
          <th scope="col">时效（20个工作日）</th>
          <th scope="col">更新时间</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => (
          <tr key={it.id}>
            <td>
              <Link href={`/admin/disclosures/${it.id}`} className="text-blue-800 underline hover:text-blue-950">
                {it.workingRevision?.title ?? "（无标题）"}
              </Link>
            </td>
            <td className="whitespace-nowrap text-sm">{it.indexNumber}</td>
            <td>
              <DisclosureStateBadge
                state={it.state}
                pendingVersion={
                  it.publishedRevisionId !== null && ["DRAFT", "PENDING_REVIEW", "PENDING_SIGNOFF", "SCHEDULED"].includes(it.state)
                }
              />
            </td>
            <td className="whitespace-nowrap">
              {it.workingRevision ? IMPORTANCE_TIER_LABELS[it.workingRevision.tier as ImportanceTier] : ""}
              {it.workingRevision?.negative ? "·负面" : ""}
            </td>
            <td>
              <TimelinessFlag t={it.timeliness} />
            </td>
            <td className="whitespace-nowrap text-sm">{formatDate(it.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
