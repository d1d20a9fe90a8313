import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getItemForStaff, timelinessOf } from "@/lib/disclosure/queries";
import { itemActionsFor } from "@/lib/disclosure/item-actions";
import { contentOf, fromDbDate } from "@/lib/disclosure/content";
import { formatDate, formatDateTime } from "@/lib/disclosure/form-options";
import { sanitizeBody } from "@/lib/disclosure/rules/sanitize";
import { htmlToTextLines } from "@/lib/disclosure/rules/html-text";
import { EXEMPTION_INFO, isExemptionCode } from "@/lib/law/exemptions";
import { validSignatures } from "@/lib/disclosure/rules/signoff-chain";
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  IMPORTANCE_TIER_LABELS,
  ITEM_STATE_LABELS,
  REVIEW_DECISION_LABELS,
  VALIDITY_LABELS,
  WITHDRAWAL_REASON_LABELS,
} from "@/lib/disclosure/labels";
import { hasPendingVersion } from "@/lib/disclosure/rules/workflow";
import { loadWorkingDayCounter } from "@/lib/disclosure/working-days";
import { KIND_SLUGS } from "@/lib/structured/kinds";
import { DisclosureStateBadge, TimelinessFlag } from "@/components/admin/disclosure-state-badge";
import { DisclosureActionForms } from "@/components/admin/disclosure-action-forms";

export const metadata = { title: "主动公开信息" };

const DONE: Record<string, string> = {
  created: "草稿已保存，索引号已生成",
  edited: "修改已保存为新版本",
  submit: "已提交保密审查",
  review: "审查意见已提交",
  sign: "已签发",
  return: "已退回修改",
  publish: "已发布，公众现在可以看到该信息",
  schedule: "已设置定时发布",
  unschedule: "已取消定时发布",
  withdraw: "已撤回",
  reopen: "已重新进入保密审查",
  discard: "已放弃修改，恢复为公开版本",
  "not-editable": "该信息当前状态不能编辑",
};

/** After a save whose body had scripts/frames/event handlers removed (sanitize.ts `hasUnsafeContent`). */
const BODY_CLEANED_NOTICE = "注意：正文中的脚本、内嵌框架等不安全内容已被清除，请核对正文是否完整。";

const EVENT_LABELS: Record<string, string> = {
  CREATE: "新建",
  EDIT: "编辑",
  SUBMIT: "提交审查",
  REVIEW: "保密审查",
  SIGN: "签发",
  SIGNOFF_COMPLETE: "签发完成",
  RETURN: "退回",
  SCHEDULE: "定时发布",
  UNSCHEDULE: "取消定时发布",
  PUBLISH: "发布",
  WITHDRAW: "撤回",
  DISCARD_DRAFT: "放弃修改",
  REOPEN: "重新审查",
  INVALIDATE: "审核失效",
  VALIDITY_CHANGE: "有效性变更",
};

export default async function ItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; cleaned?: string }>;
}) {
  const { id } = await params;
  const { done, cleaned } = await searchParams;
  const user = await requireUser(`/admin/disclosures/${id}`);
  const item = await getItemForStaff(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const rev = item.workingRevision;
  const content = contentOf(rev);
  const { allowed, blocked, facts } = await itemActionsFor(user, id);
  const [category, dept, people, depts, wd, structured] = await Promise.all([
    db().category.findUnique({ where: { id: rev.categoryId }, select: { code: true, name: true } }),
    db().department.findUnique({ where: { id: item.departmentId }, select: { name: true } }),
    db().user.findMany({
      where: { id: { in: [...item.reviews.map((r) => r.reviewerId), ...item.signatures.map((s) => s.signerId)] } },
      select: { id: true, displayName: true },
    }),
    db().department.findMany({
      where: { id: { in: facts.item.signoffSteps.map((s) => s.departmentId) } },
      select: { id: true, name: true },
    }),
    loadWorkingDayCounter(),
    db().structuredRecord.findUnique({ where: { itemId: id }, select: { kind: true } }),
  ]);
  // Structured disclosures are edited as data in their own editor, and cannot be partly disclosed.
  const editHref = structured
    ? `/admin/structured/${KIND_SLUGS[structured.kind]}/${encodeURIComponent(id)}`
    : `/admin/disclosures/${id}/edit`;
  const nameOf = (uid: string) => people.find((p) => p.id === uid)?.displayName ?? "—";
  const deptName = (did: string) => depts.find((d) => d.id === did)?.name ?? "";
  const valid = validSignatures(facts.item.signatures, rev.hash);
  const lastEvent = item.events.at(-1);
  const returned = item.state === "DRAFT" && lastEvent?.type === "RETURN" ? lastEvent : null;
  // The scheduler cancelled a schedule it could not carry out (lib/jobs/publish-scheduled.ts).
  const scheduleFailed =
    item.state === "PENDING_SIGNOFF" && lastEvent?.type === "UNSCHEDULE" && lastEvent.actorId === null ? lastEvent : null;
  const timeliness = timelinessOf(item, wd);
  const pending = hasPendingVersion(item.state, {
    publishedRevision: item.publishedRevisionId ? { id: item.publishedRevisionId, hash: "" } : null,
  });
  const cycleReviews = item.reviews.filter((r) => r.cycle === item.cycle);

  return (
    <>
      <nav aria-label="面包屑" className="mb-2 text-sm">
        <Link href="/admin/disclosures" className="underline">
          主动公开
        </Link>{" "}
        › 信息详情
      </nav>
      <h1 className="mb-2 text-2xl font-bold" data-testid="item-title">
        {rev.title}
      </h1>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <DisclosureStateBadge state={item.state} pendingVersion={pending} />
        <span>
          索引号：<span data-testid="index-number">{item.indexNumber}</span>
        </span>
        <span>第 {rev.number} 版</span>
      </p>
      {done && DONE[done] ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          ✓ {DONE[done]}
        </p>
      ) : null}
      {done && cleaned === "1" ? (
        <p role="note" data-testid="body-cleaned" className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          {BODY_CLEANED_NOTICE}
        </p>
      ) : null}
      {returned ? (
        <div role="note" className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          <p className="font-bold">
            退回意见（{returned.actorName}，{formatDateTime(returned.at)}）
          </p>
          <p className="whitespace-pre-wrap">{returned.comment}</p>
        </div>
      ) : null}
      {scheduleFailed ? (
        <p role="note" className="mb-4 whitespace-pre-wrap rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          {formatDateTime(scheduleFailed.at)} {scheduleFailed.comment}
        </p>
      ) : null}
      {item.referralNote ? (
        <p className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">已提请保密部门审查：{item.referralNote}</p>
      ) : null}
      {item.state === "WITHDRAWN" && item.withdrawalReason ? (
        <p className="mb-4 rounded border-l-4 border-gray-700 bg-gray-100 px-4 py-3">
          已于 {formatDateTime(item.withdrawnAt)} 撤回，原因：{WITHDRAWAL_REASON_LABELS[item.withdrawalReason]}
          {item.replacementItem ? (
            <>
              ，替代信息：
              <Link className="underline" href={`/admin/disclosures/${item.replacementItem.id}`}>
                {item.replacementItem.workingRevision?.title}
              </Link>
            </>
          ) : null}
          {item.withdrawalNote ? `。说明：${item.withdrawalNote}` : ""}
        </p>
      ) : null}
      {pending && item.publishedRevision ? (
        <p className="mb-4 rounded border-l-4 border-blue-700 bg-blue-50 px-4 py-3">
          公众目前看到的是第 {item.publishedRevision.number} 版（{formatDateTime(item.publishedRevision.publishedAt)}{" "}
          发布），新版本签发发布后替换。
        </p>
      ) : null}
      {item.state === "SCHEDULED" ? <p className="mb-4">定时发布时间：{formatDateTime(item.scheduledAt)}</p> : null}

      <div className="mb-4 flex flex-wrap gap-3">
        {allowed.has("edit") ? (
          <Link href={editHref} className="rounded border border-red-800 px-4 py-2 text-red-800 hover:bg-red-50">
            {item.state === "PUBLISHED" ? "修改（生成新版本）" : "编辑"}
          </Link>
        ) : null}
        <Link href={`/admin/disclosures/${id}/history`} className="rounded border border-gray-500 px-4 py-2 hover:bg-gray-100">
          修订历史与对比
        </Link>
        {allowed.has("withdraw") ? (
          <Link href={`/admin/disclosures/${id}/withdraw`} className="rounded border border-gray-500 px-4 py-2 hover:bg-gray-100">
            撤回
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="h-actions" className="mb-8">
        <h2 id="h-actions" className="mb-2 text-xl font-bold">
          可执行的操作
        </h2>
        {Object.entries(blocked).map(([k, msg]) => (
          <p key={k} className="mb-2 text-sm text-gray-800">
            ⓘ {msg}
          </p>
        ))}
        <DisclosureActionForms
          allowed={allowed}
          itemId={id}
          version={item.version}
          hash={rev.hash}
          redactionDefault={htmlToTextLines(rev.body).join("\n")}
          attachments={rev.attachments.map((a) => ({ id: a.attachmentId, fileName: a.attachment.fileName }))}
        />
      </section>

      <section aria-labelledby="h-meta" className="mb-8">
        <h2 id="h-meta" className="mb-2 text-xl font-bold">
          元数据
        </h2>
        <dl className="grid gap-x-6 gap-y-2 rounded border border-gray-300 bg-white p-4 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">索引号</dt>
          <dd>{item.indexNumber}</dd>
          <dt className="font-medium">主题分类</dt>
          <dd>{category ? `${category.code} ${category.name}` : "—"}</dd>
          <dt className="font-medium">发布机构</dt>
          <dd>{dept?.name}</dd>
          <dt className="font-medium">成文日期</dt>
          <dd>{content.writtenOn}</dd>
          <dt className="font-medium">形成（变更）日期</dt>
          <dd>{fromDbDate(rev.formedOn)}</dd>
          <dt className="font-medium">发布日期</dt>
          <dd>{formatDate(item.firstPublishedAt)}</dd>
          <dt className="font-medium">时效</dt>
          <dd>
            <TimelinessFlag t={timeliness} />
          </dd>
          <dt className="font-medium">文号</dt>
          <dd>{content.documentNumber ?? "—"}</dd>
          <dt className="font-medium">主题词</dt>
          <dd>{content.keywords.join("、") || "—"}</dd>
          <dt className="font-medium">有效性</dt>
          <dd>{VALIDITY_LABELS[content.validity]}</dd>
          <dt className="font-medium">公开方式</dt>
          <dd>{DISCLOSURE_MODE_LABELS[content.disclosureMode]}</dd>
          <dt className="font-medium">公开范围</dt>
          <dd>{DISCLOSURE_SCOPE_LABELS[content.disclosureScope]}</dd>
          <dt className="font-medium">重要程度</dt>
          <dd>
            {IMPORTANCE_TIER_LABELS[content.tier]}
            {content.negative ? "（负面信息）" : ""}
          </dd>
          <dt className="font-medium">责任股室/责任人</dt>
          <dd>
            {content.responsibleSection} / {content.responsiblePerson}
          </dd>
          {item.interpretsItem ? (
            <>
              <dt className="font-medium">解读的文件</dt>
              <dd>
                <Link className="underline" href={`/admin/disclosures/${item.interpretsItem.id}`}>
                  {item.interpretsItem.workingRevision?.title}
                </Link>
              </dd>
            </>
          ) : null}
          {item.interpretations.length > 0 ? (
            <>
              <dt className="font-medium">相关解读</dt>
              <dd>
                {item.interpretations.map((x) => (
                  <Link key={x.id} className="mr-3 underline" href={`/admin/disclosures/${x.id}`}>
                    {x.workingRevision?.title}
                  </Link>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="h-content" className="mb-8">
        <h2 id="h-content" className="mb-2 text-xl font-bold">
          内容
        </h2>
        <div className="rounded border border-gray-300 bg-white p-4">
          <h3 className="font-bold">内容概述</h3>
          <p className="mb-4 whitespace-pre-wrap">{content.summary}</p>
          <h3 className="font-bold">正文</h3>
          <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: sanitizeBody(rev.body) }} />
          <h3 className="mt-4 font-bold">附件</h3>
          {rev.attachments.length === 0 ? (
            <p>无</p>
          ) : (
            <ul className="list-disc pl-6">
              {rev.attachments.map((a) => (
                <li key={a.attachmentId}>
                  <a className="text-blue-800 underline" href={`/admin/disclosures/attachments/${a.attachmentId}`}>
                    {a.attachment.fileName}
                  </a>{" "}
                  （{a.attachment.kind}，{Math.ceil(a.attachment.size / 1024)} KB，SHA-256 {a.attachment.sha256.slice(0, 12)}…）
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <section aria-labelledby="h-signoff" className="mb-8">
        <h2 id="h-signoff" className="mb-2 text-xl font-bold">
          审查与签发
        </h2>
        <ol className="space-y-2 rounded border border-gray-300 bg-white p-4">
          <li>
            <strong>保密审查：</strong>
            {cycleReviews.length === 0
              ? "尚未审查"
              : cycleReviews.map((r) => (
                  <span key={r.id} className={`mr-4 ${r.revisionHash !== rev.hash ? "text-gray-600 line-through" : ""}`}>
                    {REVIEW_DECISION_LABELS[r.decision]}（{nameOf(r.reviewerId)}，{formatDateTime(r.decidedAt)}
                    {r.exemptions.length
                      ? `，依据：${r.exemptions
                          .filter(isExemptionCode)
                          .map((c) => EXEMPTION_INFO[c].label)
                          .join("、")}`
                      : ""}
                    {r.comment ? `，意见：${r.comment}` : ""}）{r.revisionHash !== rev.hash ? "［已失效］" : ""}
                  </span>
                ))}
          </li>
          {facts.item.signoffSteps.map((s) => {
            const sig = valid.find((v) => v.stepNo === s.stepNo && v.role === s.role && v.departmentId === s.departmentId);
            const row = sig
              ? item.signatures.find((x) => x.cycle === item.cycle && x.stepNo === s.stepNo && x.revisionHash === rev.hash)
              : null;
            return (
              <li key={s.stepNo}>
                <strong>第{s.stepNo}步：</strong>
                {deptName(s.departmentId)} {ROLE_LABELS[s.role]}——
                {sig
                  ? `已签发（${nameOf(sig.signerId)}，${formatDateTime(sig.signedAt)}${row?.comment ? `，意见：${row.comment}` : ""}）`
                  : "待签发"}
              </li>
            );
          })}
          {facts.planError ? <li className="text-red-800">{facts.planError}</li> : null}
        </ol>
      </section>

      <section aria-labelledby="h-events">
        <h2 id="h-events" className="mb-2 text-xl font-bold">
          办理记录
        </h2>
        <ol className="space-y-1 rounded border border-gray-300 bg-white p-4">
          {item.events.map((e) => (
            <li key={e.id}>
              <span className="text-sm text-gray-700">{formatDateTime(e.at)}</span> {e.actorName || "系统"} {EVENT_LABELS[e.type] ?? e.type}
              {e.toState && e.fromState !== e.toState ? `（→ ${ITEM_STATE_LABELS[e.toState]}）` : ""}
              {e.comment ? `：${e.comment}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
