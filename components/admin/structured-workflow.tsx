import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, TextArea } from "@/components/forms/field";
import { structuredWorkflowAction } from "@/app/admin/(staff)/structured/actions";

export const STRUCTURED_DONE_MESSAGES: Record<string, string> = {
  submit: "已提交保密审查",
  review: "保密审查已通过，待签发",
  sign: "已签发",
  publish: "已发布，公众页面已更新",
  return: "已退回修改",
};

type Props = {
  /** The workflow action just completed (?done=), announced at the top. */
  done?: string;
  itemId: string;
  path: string;
  stateLabel: string;
  hash: string;
  allowed: Set<string>;
  blocked: Record<string, string>;
  events: Array<{ id: string; type: string; actorName: string; comment: string | null; at: Date }>;
};

const OPS: Array<{ op: "submit" | "review" | "sign" | "publish"; label: string; hint: string }> = [
  { op: "submit", label: "提交保密审查", hint: "提交后由保密审查人员审查。" },
  {
    op: "review",
    label: "保密审查通过（可以公开）",
    hint: "不予公开或提请保密部门审查，请在信息审核页面办理。结构化公开内容不能部分公开，如有不宜公开的内容请退回修改。",
  },
  { op: "sign", label: "签发", hint: "按签发顺序逐级签发。" },
  { op: "publish", label: "发布", hint: "全部签发完成后发布，公众页面随即更新。" },
];

/**
 * The disclosure workflow's own verbs (submit, review, sign, publish, return) offered on the
 * structured record's page — the same verbs and rules as every disclosure item.
 */
export function StructuredWorkflow(p: Props) {
  const offered = OPS.filter((o) => p.allowed.has(o.op));
  return (
    <section aria-labelledby="wf-title" className="rounded border border-gray-300 bg-white p-5">
      <h2 id="wf-title" className="mb-2 text-xl font-bold">
        审核与发布
      </h2>
      {p.done && STRUCTURED_DONE_MESSAGES[p.done] ? (
        <p role="status" className="mb-3 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ {STRUCTURED_DONE_MESSAGES[p.done]}
        </p>
      ) : null}
      <p className="mb-3">
        当前状态：<strong data-testid="item-state">{p.stateLabel}</strong>
        <span className="ms-3 text-sm text-gray-700">
          也可在
          <Link href={`/admin/disclosures/${p.itemId}`} className="underline">
            信息审核页面
          </Link>
          办理全部审核操作。
        </span>
      </p>
      {Object.entries(p.blocked).map(([k, m]) => (
        <p key={k} className="mb-2 text-sm text-gray-800">
          说明：{m}
        </p>
      ))}
      <div className="grid gap-4 md:grid-cols-2">
        {offered.map((o) => (
          <ActionForm key={o.op} action={structuredWorkflowAction} submitLabel={o.label} className="rounded border border-gray-200 p-3">
            <Hidden name="op" value={o.op} />
            <Hidden name="itemId" value={p.itemId} />
            <Hidden name="path" value={p.path} />
            <Hidden name="expectedRevisionHash" value={p.hash} />
            <p className="text-sm text-gray-700">{o.hint}</p>
            {o.op === "review" || o.op === "sign" ? <TextArea name="comment" label="意见（可选）" rows={2} /> : null}
          </ActionForm>
        ))}
        {p.allowed.has("return") ? (
          <ActionForm action={structuredWorkflowAction} submitLabel="退回修改" className="rounded border border-gray-200 p-3">
            <Hidden name="op" value="return" />
            <Hidden name="itemId" value={p.itemId} />
            <Hidden name="path" value={p.path} />
            <TextArea name="comment" label="退回意见" required rows={2} />
          </ActionForm>
        ) : null}
      </div>
      {p.events.length ? (
        <>
          <h3 className="mb-2 mt-5 font-bold">办理记录</h3>
          <ol className="space-y-1 text-sm">
            {p.events.map((e) => (
              <li key={e.id}>
                {new Date(e.at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")} {e.actorName || "系统"}{" "}
                {EVENT_LABELS[e.type] ?? e.type}
                {e.comment ? `：${e.comment}` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

const EVENT_LABELS: Record<string, string> = {
  CREATE: "新建",
  EDIT: "修改",
  SUBMIT: "提交审查",
  REVIEW: "保密审查",
  SIGN: "签发",
  SIGNOFF_COMPLETE: "签发完成",
  RETURN: "退回",
  SCHEDULE: "定时发布",
  UNSCHEDULE: "取消定时",
  PUBLISH: "发布",
  WITHDRAW: "撤回",
  DISCARD_DRAFT: "放弃修改",
  REOPEN: "重新审查",
  INVALIDATE: "审批失效",
  VALIDITY_CHANGE: "有效性变更",
};
