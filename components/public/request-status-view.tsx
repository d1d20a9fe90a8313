import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import type { PublicStatusView } from "@/lib/requests/public-status";
import type { SimpleFormState } from "@/lib/requests/public-form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClasses } from "@/components/ui/button-styles";
import { LinkButton } from "@/components/ui/link-button";
import { SuccessIcon, WarningIcon } from "@/components/ui/icons";
import { RequestCorrectionForm } from "./request-correction-form";

const d = (c: CivilDate | null | undefined) => (c ? formatChineseDate(c) : "—");
const h2 = "mb-3 text-xl font-bold text-ink";

/** The applicant's view of their case: stage, dates, deadline, 补正, fee, reply letter. */
export function RequestStatusView({
  view,
  correctionAction,
  endAction,
  corrected,
}: {
  view: PublicStatusView;
  correctionAction: (prev: SimpleFormState, fd: FormData) => Promise<SimpleFormState>;
  endAction: () => Promise<void>;
  corrected?: boolean;
}) {
  return (
    <div className="space-y-8">
      {corrected ? (
        <Alert tone="success" title="补正已提交">
          答复期限自收到补正之日起重新计算。
        </Alert>
      ) : null}

      <section aria-labelledby="st-summary" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
        <h2 id="st-summary" className={h2}>
          申请编号 <span className="font-mono">{view.trackingNo}</span>
        </h2>
        <p className="text-lg">
          当前状态：<strong data-testid="status-label">{view.statusLabel}</strong>（{view.stageLabel}阶段）
        </p>
        <ol aria-label="办理流程" className="mt-4 flex flex-wrap gap-2">
          {view.stages.map((s, i) => (
            <li
              key={s.stage}
              aria-current={s.state === "current" ? "step" : undefined}
              className={
                s.state === "current"
                  ? "rounded-md border-2 border-brand bg-brand px-3 py-1 font-bold text-on-brand"
                  : s.state === "done"
                    ? "rounded-md border-2 border-success px-3 py-1"
                    : "rounded-md border-2 border-dashed border-line px-3 py-1 text-muted"
              }
            >
              {i + 1}. {s.label}
              <span className="ms-1 text-sm">{s.state === "current" ? "（当前）" : s.state === "done" ? "（已完成）" : "（未开始）"}</span>
            </li>
          ))}
        </ol>
        <dl className="mt-5 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-bold">受理机关：</dt>
          <dd>{view.departmentName}</dd>
          <dt className="font-bold">申请人：</dt>
          <dd>{view.applicantName}</dd>
          <dt className="font-bold">所需信息：</dt>
          <dd className="whitespace-pre-wrap break-words">{view.description}</dd>
          <dt className="font-bold">提交方式：</dt>
          <dd>{view.channel}</dd>
          <dt className="font-bold">提交日期：</dt>
          <dd>{d(view.submittedOn)}</dd>
          <dt className="font-bold">收到申请之日：</dt>
          <dd data-testid="receipt-date">
            {view.receiptDate ? d(view.receiptDate) : "待确认"}
            <span className="block text-sm text-muted">{view.receiptRule}</span>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="st-deadline" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
        <h2 id="st-deadline" className={h2}>
          答复期限
        </h2>
        {view.deadline ? (
          <>
            <p className="text-lg">
              {view.closed ? "答复期限：" : "应于以下日期前答复："}
              <strong data-testid="due-date">{view.deadline.due ? d(view.deadline.due) : "暂停计算中"}</strong>
              {view.deadline.provisional ? <span className="ms-2 font-bold">（暂定）</span> : null}
            </p>
            {view.deadline.overdue ? (
              <p className="mt-2 flex items-center gap-2 font-bold text-danger">
                <WarningIcon /> 已超过答复期限。您可以联系受理机关，或依法投诉、申请行政复议。
              </p>
            ) : null}
            {!view.closed && view.deadline.due && !view.deadline.overdue && view.deadline.remainingWorkingDays !== null ? (
              <p className="mt-1">还剩 {view.deadline.remainingWorkingDays} 个工作日。</p>
            ) : null}
            <ul className="mt-3 list-disc space-y-1 ps-6 text-ink-soft">
              {view.deadline.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{view.deadlineNote}</p>
        )}
      </section>

      {view.correction ? (
        <section aria-labelledby="st-correction" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
          <h2 id="st-correction" className={h2}>
            补正告知
          </h2>
          <p>
            {d(view.correction.noticeDate)}告知补正。
            {view.correction.deadline ? `请于${d(view.correction.deadline)}前补正；无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）。` : ""}
          </p>
          {view.correction.items.length > 0 ? (
            <>
              <h3 className="mt-3 font-bold">需要补正的事项：</h3>
              <ol className="mt-1 list-decimal space-y-1 ps-6">
                {view.correction.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ol>
            </>
          ) : null}
          {view.correction.receivedOn ? (
            <p className="mt-3 flex items-start gap-2">
              <SuccessIcon className="mt-1 shrink-0" />
              <span>
                已于{d(view.correction.receivedOn)}收到补正：<span className="whitespace-pre-wrap">{view.correction.note}</span>
              </span>
            </p>
          ) : null}
          {view.correction.open ? (
            <div className="mt-4">
              <RequestCorrectionForm action={correctionAction} />
            </div>
          ) : null}
          {view.correction.closedMessage ? (
            <p className="mt-4 flex items-start gap-2 font-bold text-danger" data-testid="correction-closed">
              <WarningIcon className="mt-1 shrink-0" />
              <span>{view.correction.closedMessage}</span>
            </p>
          ) : null}
        </section>
      ) : null}

      {view.extension ? (
        <section aria-labelledby="st-extension" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
          <h2 id="st-extension" className={h2}>
            延长答复期限
          </h2>
          <p>
            经政府信息公开工作机构负责人同意，答复期限延长 {view.extension.days} 个工作日
            {view.extension.approvedOn ? `（${d(view.extension.approvedOn)}批准）` : ""}（《条例》第三十三条）。
          </p>
          <p className="mt-2">
            <strong>延期理由：</strong>
            <span className="whitespace-pre-wrap">{view.extension.reason}</span>
          </p>
          {view.extension.noticeSentOn ? (
            <p className="mt-2 text-ink-soft">
              已于{d(view.extension.noticeSentOn)}以{view.extension.noticeMethod}告知。
            </p>
          ) : null}
        </section>
      ) : null}

      {view.fee ? (
        <section aria-labelledby="st-fee" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
          <h2 id="st-fee" className={h2}>
            信息处理费收费通知
          </h2>
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-bold">金额：</dt>
            <dd className="text-lg font-bold">{view.fee.amountYuan} 元</dd>
            <dt className="font-bold">计收方式：</dt>
            <dd>{view.fee.methodLabel}</dd>
            <dt className="font-bold">收费依据：</dt>
            <dd>{view.fee.basis}</dd>
            {view.fee.summary ? (
              <>
                <dt className="font-bold">计费说明：</dt>
                <dd>
                  {view.fee.summary}
                  {view.fee.lines.length ? (
                    <ul className="list-disc ps-6">
                      {view.fee.lines.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  ) : null}
                </dd>
              </>
            ) : null}
            <dt className="font-bold">缴费方式：</dt>
            <dd className="whitespace-pre-wrap">{view.fee.paymentInstructions}</dd>
            <dt className="font-bold">通知日期：</dt>
            <dd>{d(view.fee.noticeDate)}</dd>
            <dt className="font-bold">缴费截止：</dt>
            <dd>
              {d(view.fee.paymentDueDate)}
              {view.fee.paymentDueProvisional ? "（暂定）" : ""}（逾期未缴纳的，视为放弃申请）
            </dd>
            <dt className="font-bold">缴费状态：</dt>
            <dd>
              {view.fee.statusLabel}
              {view.fee.paidOn ? `（${d(view.fee.paidOn)}）` : ""}
            </dd>
          </dl>
        </section>
      ) : null}

      {view.reply ? (
        <section aria-labelledby="st-reply" className="rounded-lg border border-line bg-surface p-5 sm:p-6">
          <h2 id="st-reply" className={h2}>
            答复
          </h2>
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            {view.reply.replyTypeLabel ? (
              <>
                <dt className="font-bold">答复类型：</dt>
                <dd>{view.reply.replyTypeLabel}</dd>
              </>
            ) : null}
            {view.reply.documentNumber ? (
              <>
                <dt className="font-bold">文号：</dt>
                <dd>{view.reply.documentNumber}</dd>
              </>
            ) : null}
            {view.reply.letterDate ? (
              <>
                <dt className="font-bold">答复日期：</dt>
                <dd>{d(view.reply.letterDate)}</dd>
              </>
            ) : null}
            {view.reply.deliveredOn ? (
              <>
                <dt className="font-bold">送达日期：</dt>
                <dd>{d(view.reply.deliveredOn)}</dd>
              </>
            ) : null}
          </dl>
          {view.reply.letterAvailable ? (
            <p className="mt-4">
              <a href="/ysqgk/track/letter" className={buttonClasses("primary", "lg")} download>
                下载答复书（PDF）
              </a>
            </p>
          ) : (
            <p className="mt-3 text-muted">答复书签发后可在此下载。</p>
          )}
        </section>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <LinkButton href="/ysqgk/receipt" variant="secondary">
          查看和打印回执
        </LinkButton>
        <form action={endAction}>
          <Button type="submit" variant="ghost">
            退出查询
          </Button>
        </form>
      </div>
      <p className="text-sm text-muted">为保护您的信息，查询状态30分钟后自动失效；在公共电脑上使用后请点击“退出查询”。</p>
    </div>
  );
}
