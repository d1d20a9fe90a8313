import Link from "next/link";
import { notFound } from "next/navigation";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { loadCase } from "@/lib/requests/queries";
import { QUERY_CODE_FLASH_COOKIE, readQueryCodeFlash } from "@/lib/requests/query-code-flash";
import { CASE_STAGES, CASE_STAGE_LABELS, ACTION_LABELS, STATUS_INFO } from "@/lib/requests/rules/stages";
import { CHANNEL_LABELS } from "@/lib/requests/rules/receipt-date";
import {
  APPLICANT_TYPE_LABELS,
  CONSULTATION_KIND_LABELS,
  CONSULTATION_OUTCOME_LABELS,
  DELIVERY_METHOD_LABELS,
  DOCUMENT_KIND_LABELS,
  EVENT_LABELS,
  EXTENSION_STATUS_LABELS,
  FEE_STATUS_LABELS,
  ID_TYPE_LABELS,
  ORGANIZATION_SUBTYPE_LABELS,
  PROVISION_FORM_LABELS,
} from "@/lib/requests/labels";
import { Alert, Breadcrumbs, PageTitle } from "@/components/ui";
import { RequestCaseActions } from "@/components/admin/request-case-actions";
import { RequestReplyPanel } from "@/components/admin/request-reply-panel";
import { formatDateCn, formatInstant } from "@/components/admin/request-format";
import { formatChineseDate } from "@/lib/calendar/civil-date";

export const metadata = { title: "申请办理" };

function Row({ k, v }: { k: string; v: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9em_1fr] gap-2 border-b border-gray-200 py-1">
      <dt className="font-medium text-gray-800">{k}</dt>
      <dd className="break-words">{v || "—"}</dd>
    </div>
  );
}

/** A timeline entry's label: a state-machine action, another event, or the raw name. */
function eventLabel(action: string): string {
  const labels: Record<string, string | undefined> = { ...EVENT_LABELS, ...ACTION_LABELS };
  return labels[action] ?? action;
}

function maskId(n: string) {
  return n.length > 8 ? `${n.slice(0, 4)}${"*".repeat(n.length - 8)}${n.slice(-4)}` : n;
}

export default async function RequestCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const user = await requirePagePermission("request:read", `/admin/requests/${id}`);
  let c;
  try {
    c = await loadCase(user, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { app, clock } = c;
  const newQueryCode = sp.registered ? readQueryCodeFlash((await cookies()).get(QUERY_CODE_FLASH_COOKIE)?.value, app.id) : null;
  const info = STATUS_INFO[app.status];
  const departments = (await db().department.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: "asc" } })).map((d) => ({
    value: d.id,
    label: d.name,
  }));
  const items = Array.isArray(app.correctionItems) ? (app.correctionItems as string[]) : [];
  const stageIndex = CASE_STAGES.indexOf(info.stage);
  // The consultation's due date on today's calendar (a holiday loaded later moves it).
  const consultationDue = (id: string, stored: Date) => {
    const d = c.deadlines.consultations[id];
    return d ? `${formatChineseDate(d.due)}${d.provisional ? "（暂定）" : ""}` : formatDateCn(stored);
  };
  return (
    <>
      <Breadcrumbs items={[{ label: "依申请公开办理", href: "/admin/requests" }, { label: app.number }]} />
      <PageTitle
        title={
          <>
            申请 <span className="font-mono">{app.number}</span>
          </>
        }
        description={
          <>
            当前状态：<strong data-testid="case-status">{info.label}</strong>（{CASE_STAGE_LABELS[info.stage]}环节）· 承办部门：
            {c.departmentName}
            {app.handlerName ? ` · 经办人：${app.handlerName}` : ""}
          </>
        }
      />
      {sp.registered ? (
        newQueryCode ? (
          <Alert tone="success" title="申请已登记" className="mb-4">
            请告知申请人申请编号 <strong className="font-mono">{app.number}</strong> 和查询码{" "}
            <strong className="font-mono" data-testid="new-query-code">
              {newQueryCode}
            </strong>
            （查询码只在登记后显示这一次，系统不保存明文；
            {app.email ? "已同时发送到申请人的电子邮箱" : "申请人未留电子邮箱，请当面或电话告知"}）。
          </Alert>
        ) : (
          <Alert tone="info" title="申请已登记" className="mb-4">
            申请编号 <strong className="font-mono">{app.number}</strong>。查询码只在登记后显示一次，现已不再显示。
          </Alert>
        )
      ) : null}

      <ol aria-label="办理环节" className="mb-6 flex flex-wrap gap-2">
        {CASE_STAGES.map((s, i) => (
          <li
            key={s}
            aria-current={i === stageIndex ? "step" : undefined}
            className={`rounded border px-3 py-1 ${i === stageIndex ? "border-2 border-red-800 font-bold" : i < stageIndex ? "border-gray-500" : "border-gray-300 text-gray-600"}`}
          >
            {i < stageIndex ? "✓ " : i === stageIndex ? "▶ " : ""}
            {CASE_STAGE_LABELS[s]}
          </li>
        ))}
      </ol>

      <section
        aria-labelledby="clock-h"
        className={`mb-6 rounded border-l-4 bg-white p-4 ${clock.state !== "NOT_STARTED" && clock.overdue ? "border-red-800" : clock.state !== "NOT_STARTED" && clock.dueSoon ? "border-amber-700" : "border-blue-800"}`}
      >
        <h2 id="clock-h" className="text-lg font-bold">
          答复期限
        </h2>
        <p className="mt-1 text-lg" data-testid="clock-headline">
          {clock.state !== "NOT_STARTED" && clock.overdue ? (
            <span aria-hidden="true">⛔ </span>
          ) : clock.state !== "NOT_STARTED" && clock.dueSoon ? (
            <span aria-hidden="true">⏰ </span>
          ) : null}
          {clock.state !== "NOT_STARTED" && clock.dueSoon ? "即将到期。" : ""}
          {clock.headline}
        </p>
        <ul className="mt-2 list-disc pl-6 text-sm">
          {clock.explanation.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </section>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="applicant-h" className="rounded border border-gray-300 bg-white p-4">
          <h2 id="applicant-h" className="mb-2 text-lg font-bold">
            申请人
          </h2>
          <dl>
            <Row
              k="类型"
              v={`${APPLICANT_TYPE_LABELS[app.applicantType]}${app.organizationSubtype ? `（${ORGANIZATION_SUBTYPE_LABELS[app.organizationSubtype]}）` : ""}`}
            />
            <Row k="姓名或名称" v={app.applicantName} />
            {app.contactName ? <Row k="联系人" v={app.contactName} /> : null}
            <Row k="身份证明" v={`${app.idType === "OTHER" ? app.idDocumentName : ID_TYPE_LABELS[app.idType]}：${maskId(app.idNumber)}`} />
            <Row k="联系电话" v={app.phone} />
            <Row k="电子邮箱" v={app.email} />
            <Row k="通信地址" v={`${app.address}${app.postalCode ? `（${app.postalCode}）` : ""}`} />
            {app.needsAssistance ? <Row k="需要帮助" v={`⚠ 第四十三条：${app.assistanceNote || "申请人有阅读、视听困难"}`} /> : null}
          </dl>
        </section>
        <section aria-labelledby="info-h" className="rounded border border-gray-300 bg-white p-4">
          <h2 id="info-h" className="mb-2 text-lg font-bold">
            申请内容与收件
          </h2>
          <dl>
            <Row k="所需信息" v={app.description} />
            <Row k="文号" v={app.documentRef} />
            <Row
              k="载体形式"
              v={
                app.provisionForms.map((f) => PROVISION_FORM_LABELS[f]).join("、") +
                (app.provisionFormOther ? `（${app.provisionFormOther}）` : "")
              }
            />
            <Row k="获取方式" v={app.deliveryMethods.map((d) => DELIVERY_METHOD_LABELS[d]).join("、")} />
            <Row k="受理机关" v={c.targetDepartmentName} />
            <Row k="提交方式" v={CHANNEL_LABELS[app.channel]} />
            <Row k="提交时间" v={formatInstant(app.submittedAt)} />
            <Row
              k="收到申请日期"
              v={<span data-testid="receipt-date">{app.receiptDate ? formatDateCn(app.receiptDate) : "待确认"}</span>}
            />
            {app.receiptRule ? <Row k="确定依据" v={app.receiptRule} /> : null}
            {app.splitFrom ? (
              <Row
                k="拆分自"
                v={
                  <Link className="text-blue-800 underline" href={`/admin/requests/${app.splitFrom.id}`}>
                    {app.splitFrom.number}
                  </Link>
                }
              />
            ) : null}
            {app.splits.length ? (
              <Row
                k="拆分出"
                v={app.splits.map((s) => (
                  <Link key={s.id} className="mr-2 text-blue-800 underline" href={`/admin/requests/${s.id}`}>
                    {s.number}
                  </Link>
                ))}
              />
            ) : null}
            {app.correctionNoticeDate ? (
              <Row
                k="补正"
                v={
                  <>
                    {formatDateCn(app.correctionNoticeDate)}告知，期限至{formatDateCn(app.correctionDeadline)}
                    <ol className="list-decimal pl-5">
                      {items.map((it, i) => (
                        <li key={i}>{it}</li>
                      ))}
                    </ol>
                    {app.correctionReceivedOn ? `已于${formatDateCn(app.correctionReceivedOn)}收到补正` : "尚未收到补正"}
                  </>
                }
              />
            ) : null}
            {app.consultations.map((x) => (
              <Row
                key={x.id}
                k="征求意见"
                v={`${CONSULTATION_KIND_LABELS[x.kind]}：${x.partyName}，${formatDateCn(x.startedOn)}收到函件，期限${consultationDue(x.id, x.dueOn)}${x.answeredOn ? `；${formatDateCn(x.answeredOn)}${x.outcome ? CONSULTATION_OUTCOME_LABELS[x.outcome] : ""}` : "；尚未答复"}`}
              />
            ))}
            {app.extensions.map((x) => (
              <Row
                key={x.id}
                k="延期"
                v={`${x.days}个工作日，${EXTENSION_STATUS_LABELS[x.status]}（${x.requestedByName}申请${x.decidedByName ? `，${x.decidedByName}审批` : ""}）；理由：${x.reason}${x.noticeSentOn ? `；已于${formatDateCn(x.noticeSentOn)}以${x.noticeMethod}告知申请人` : x.status === "APPROVED" ? "；尚未告知申请人" : ""}`}
              />
            ))}
            {app.fee ? (
              <Row
                k="信息处理费"
                v={`${app.fee.amountYuan}元，${FEE_STATUS_LABELS[app.fee.status]}，缴费期限${c.deadlines.fee ? `${formatChineseDate(c.deadlines.fee.due)}${c.deadlines.fee.provisional ? "（暂定）" : ""}` : formatDateCn(app.fee.paymentDueDate)}${app.fee.paidOn ? `，${formatDateCn(app.fee.paidOn)}已缴` : ""}`}
              />
            ) : null}
            {app.deliveredOn ? <Row k="送达" v={`${formatDateCn(app.deliveredOn)}，${app.deliveryMethodUsed}`} /> : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="docs-h" className="mb-6">
        <h2 id="docs-h" className="mb-2 text-xl font-bold">
          文书与附件
        </h2>
        <ul className="list-disc pl-6">
          {c.signed ? (
            <li>
              <a className="text-blue-800 underline" href={`/admin/requests/${app.id}/reply-letter`}>
                下载政府信息公开申请答复告知书（PDF，{c.signed.documentNumber}）
              </a>
            </li>
          ) : null}
          {app.documents
            .filter((d) => d.kind !== "REPLY_LETTER")
            .map((d) => (
              <li key={d.id}>
                <a className="text-blue-800 underline" href={`/admin/requests/${app.id}/files/${d.id}`}>
                  {DOCUMENT_KIND_LABELS[d.kind]}（{d.fileName}）
                </a>
              </li>
            ))}
          {app.attachments.map((a) => (
            <li key={a.id}>
              <a className="text-blue-800 underline" href={`/admin/requests/${app.id}/files/${a.id}`}>
                附件：{a.fileName}
              </a>
              {a.description ? `（${a.description}）` : ""}
            </li>
          ))}
          {!c.signed && app.documents.length === 0 && app.attachments.length === 0 ? <li>暂无</li> : null}
        </ul>
      </section>

      <section aria-labelledby="reply-h" className="mb-6">
        <h2 id="reply-h" className="mb-2 text-xl font-bold">
          答复
        </h2>
        <RequestReplyPanel c={c} />
      </section>

      <section aria-labelledby="actions-h" className="mb-6">
        <h2 id="actions-h" className="mb-2 text-xl font-bold">
          办理操作
        </h2>
        <RequestCaseActions c={c} departments={departments} />
      </section>

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h" className="mb-2 text-xl font-bold">
          办理记录
        </h2>
        <ol className="space-y-2 border-l-2 border-gray-400 pl-4">
          {app.events.map((e) => (
            <li key={String(e.id)}>
              <p>
                <strong>{eventLabel(e.action)}</strong>
                {e.toStatus && e.fromStatus ? `（${STATUS_INFO[e.fromStatus].label} → ${STATUS_INFO[e.toStatus].label}）` : ""}
                <span className="ml-2 text-sm text-gray-700">
                  <time dateTime={e.at.toISOString()}>{formatInstant(e.at)}</time> · {e.actorName || "系统"}
                  {e.effectiveOn ? ` · 生效日期 ${formatDateCn(e.effectiveOn)}` : ""}
                </span>
              </p>
              {e.note ? <p className="text-sm">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
