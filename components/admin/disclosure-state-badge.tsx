import { ITEM_STATE_LABELS, type ItemState } from "@/lib/disclosure/rules/workflow";

const COLORS: Record<ItemState, string> = {
  DRAFT: "bg-gray-100 text-gray-900 border-gray-500",
  PENDING_REVIEW: "bg-amber-50 text-amber-900 border-amber-700",
  PENDING_SIGNOFF: "bg-blue-50 text-blue-900 border-blue-700",
  SCHEDULED: "bg-indigo-50 text-indigo-900 border-indigo-700",
  PUBLISHED: "bg-green-50 text-green-900 border-green-700",
  WITHHELD: "bg-red-50 text-red-900 border-red-700",
  WITHDRAWN: "bg-gray-200 text-gray-900 border-gray-700",
};

export function DisclosureStateBadge({ state, pendingVersion }: { state: ItemState; pendingVersion?: boolean }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm font-medium ${COLORS[state]}`}
      data-testid="item-state"
    >
      {ITEM_STATE_LABELS[state]}
      {pendingVersion ? "（新版本，旧版本仍公开）" : ""}
    </span>
  );
}

export function TimelinessFlag({ t }: { t: { late: boolean; workingDays: number; remaining: number; published: boolean } | null }) {
  if (!t) return <span className="text-gray-600">—</span>;
  if (t.late) {
    return (
      <span className="font-medium text-red-800">
        ⚠ 超期（{t.workingDays}个工作日{t.published ? "后发布" : ""}）
      </span>
    );
  }
  return t.published ? <span>{t.workingDays}个工作日内发布</span> : <span>剩余{t.remaining}个工作日</span>;
}
