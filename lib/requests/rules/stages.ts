/**
 * The life of a disclosure application as a pure state machine.
 *
 * Art. 45 requires a 登记、审核、办理、答复、归档 procedure; each status belongs to
 * one of those stages. Statuses that stop the reply clock (补正, consultation,
 * fee) are explicit so the deadline can be computed from the status history.
 *
 * Some transitions depend on the application's history rather than its current
 * status alone, passed in as `TransitionContext`:
 *   - after a consultation or a fee payment the case returns to EXTENDED if the
 *     reply period was extended before, else to IN_PROGRESS;
 *   - 补正 must be asked for all at once (Art. 30: 一次性告知), so only once;
 *   - the reply period can be extended only once (at most +20 working days).
 */

import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

export const CASE_STAGES = ["REGISTRATION", "REVIEW", "PROCESSING", "REPLY", "ARCHIVE"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  REGISTRATION: "登记",
  REVIEW: "审核",
  PROCESSING: "办理",
  REPLY: "答复",
  ARCHIVE: "归档",
};

/**
 * The statuses are the Prisma enum's (one vocabulary; pure rules import its type only):
 * listed here in display order, checked against the enum both ways at compile time.
 */
export const APPLICATION_STATUSES = [
  "PENDING_CONFIRMATION",
  "REGISTERED",
  "UNDER_REVIEW",
  "AWAITING_CORRECTION",
  "IN_PROGRESS",
  "IN_CONSULTATION",
  "AWAITING_FEE",
  "EXTENDED",
  "REPLY_DRAFTED",
  "REPLY_SIGNED",
  "DELIVERED",
  "ARCHIVED",
  "DEEMED_WITHDRAWN",
  "ABANDONED_FEE_UNPAID",
  "WITHDRAWN",
  "CLOSED_UNCONFIRMED",
] as const satisfies readonly ApplicationStatus[];
/** Fails to compile when the enum gains a status this list does not have. */
const _everyStatusListed: Exclude<ApplicationStatus, (typeof APPLICATION_STATUSES)[number]> extends never ? true : never = true;
export type { ApplicationStatus };

/**
 * How the reply clock stands in a status: NOT_STARTED before the receipt date
 * exists, RUNNING, STOPPED (a pause in lib/calendar terms; for 补正 the clock
 * restarts from the corrected application's receipt), DONE once replied or closed.
 */
export type ClockState = "NOT_STARTED" | "RUNNING" | "STOPPED" | "DONE";

export type StatusInfo = { label: string; stage: CaseStage; clock: ClockState; closed: boolean };

export const STATUS_INFO: Record<ApplicationStatus, StatusInfo> = {
  PENDING_CONFIRMATION: { label: "待确认", stage: "REGISTRATION", clock: "NOT_STARTED", closed: false },
  REGISTERED: { label: "已登记", stage: "REGISTRATION", clock: "RUNNING", closed: false },
  UNDER_REVIEW: { label: "审核中", stage: "REVIEW", clock: "RUNNING", closed: false },
  AWAITING_CORRECTION: { label: "待补正", stage: "REVIEW", clock: "STOPPED", closed: false },
  IN_PROGRESS: { label: "办理中", stage: "PROCESSING", clock: "RUNNING", closed: false },
  IN_CONSULTATION: { label: "征求意见中", stage: "PROCESSING", clock: "STOPPED", closed: false },
  AWAITING_FEE: { label: "待缴费", stage: "PROCESSING", clock: "STOPPED", closed: false },
  EXTENDED: { label: "延期办理中", stage: "PROCESSING", clock: "RUNNING", closed: false },
  REPLY_DRAFTED: { label: "答复待签发", stage: "REPLY", clock: "RUNNING", closed: false },
  REPLY_SIGNED: { label: "答复已签发", stage: "REPLY", clock: "RUNNING", closed: false },
  DELIVERED: { label: "已送达", stage: "REPLY", clock: "DONE", closed: true },
  ARCHIVED: { label: "已归档", stage: "ARCHIVE", clock: "DONE", closed: true },
  DEEMED_WITHDRAWN: { label: "视为放弃申请（逾期未补正）", stage: "REPLY", clock: "DONE", closed: true },
  ABANDONED_FEE_UNPAID: { label: "视为放弃申请（逾期未缴费）", stage: "REPLY", clock: "DONE", closed: true },
  WITHDRAWN: { label: "申请人已撤回", stage: "REPLY", clock: "DONE", closed: true },
  CLOSED_UNCONFIRMED: { label: "未能确认，不予登记", stage: "REGISTRATION", clock: "DONE", closed: true },
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = Object.fromEntries(
  APPLICATION_STATUSES.map((s) => [s, STATUS_INFO[s].label]),
) as Record<ApplicationStatus, string>;

export const APPLICATION_ACTIONS = [
  "CONFIRM_RECEIPT",
  "CLOSE_UNCONFIRMED",
  "START_REVIEW",
  "REQUEST_CORRECTION",
  "RECEIVE_CORRECTION",
  "CORRECTION_OVERDUE",
  "ACCEPT",
  "START_CONSULTATION",
  "END_CONSULTATION",
  "ISSUE_FEE_NOTICE",
  "CONFIRM_PAYMENT",
  "FEE_OVERDUE",
  "EXTEND",
  "DRAFT_REPLY",
  "RETURN_DRAFT",
  "SIGN_REPLY",
  "DELIVER",
  "WITHDRAW",
  "ARCHIVE",
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const ACTION_LABELS: Record<ApplicationAction, string> = {
  CONFIRM_RECEIPT: "确认收到申请",
  CLOSE_UNCONFIRMED: "无法确认，关闭",
  START_REVIEW: "开始审核",
  REQUEST_CORRECTION: "告知补正",
  RECEIVE_CORRECTION: "收到补正材料",
  CORRECTION_OVERDUE: "逾期未补正",
  ACCEPT: "转入办理",
  START_CONSULTATION: "征求意见",
  END_CONSULTATION: "意见征询结束",
  ISSUE_FEE_NOTICE: "发出收费通知",
  CONFIRM_PAYMENT: "确认已缴费",
  FEE_OVERDUE: "逾期未缴费",
  EXTEND: "延长答复期限",
  DRAFT_REPLY: "拟写答复",
  RETURN_DRAFT: "退回修改",
  SIGN_REPLY: "签发答复",
  DELIVER: "送达答复",
  WITHDRAW: "申请人撤回",
  ARCHIVE: "归档",
};

export type TransitionContext = {
  /** The reply period has been extended (Art. 33). */
  extended?: boolean;
  /** A 补正 notice has already been sent for this application. */
  correctionRequested?: boolean;
};

type Rule = {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus | ((ctx: TransitionContext) => ApplicationStatus);
  /** Returns a Chinese reason when history forbids the action. */
  guard?: (ctx: TransitionContext) => string | null;
};

const backToProcessing = (ctx: TransitionContext): ApplicationStatus => (ctx.extended ? "EXTENDED" : "IN_PROGRESS");

const PROCESSING: readonly ApplicationStatus[] = ["IN_PROGRESS", "EXTENDED"];
const WITHDRAWABLE: readonly ApplicationStatus[] = [
  "REGISTERED",
  "UNDER_REVIEW",
  "AWAITING_CORRECTION",
  "IN_PROGRESS",
  "IN_CONSULTATION",
  "AWAITING_FEE",
  "EXTENDED",
  "REPLY_DRAFTED",
];

const RULES: Record<ApplicationAction, Rule> = {
  CONFIRM_RECEIPT: { from: ["PENDING_CONFIRMATION"], to: "REGISTERED" },
  CLOSE_UNCONFIRMED: { from: ["PENDING_CONFIRMATION"], to: "CLOSED_UNCONFIRMED" },
  START_REVIEW: { from: ["REGISTERED"], to: "UNDER_REVIEW" },
  REQUEST_CORRECTION: {
    from: ["UNDER_REVIEW"],
    to: "AWAITING_CORRECTION",
    guard: (ctx) => (ctx.correctionRequested ? "补正应当一次性告知，本申请已经告知过补正，不能再次要求补正" : null),
  },
  RECEIVE_CORRECTION: { from: ["AWAITING_CORRECTION"], to: "UNDER_REVIEW" },
  CORRECTION_OVERDUE: { from: ["AWAITING_CORRECTION"], to: "DEEMED_WITHDRAWN" },
  ACCEPT: { from: ["UNDER_REVIEW"], to: "IN_PROGRESS" },
  START_CONSULTATION: { from: PROCESSING, to: "IN_CONSULTATION" },
  END_CONSULTATION: { from: ["IN_CONSULTATION"], to: backToProcessing },
  ISSUE_FEE_NOTICE: { from: PROCESSING, to: "AWAITING_FEE" },
  CONFIRM_PAYMENT: { from: ["AWAITING_FEE"], to: backToProcessing },
  FEE_OVERDUE: { from: ["AWAITING_FEE"], to: "ABANDONED_FEE_UNPAID" },
  EXTEND: {
    from: ["IN_PROGRESS"],
    to: "EXTENDED",
    guard: (ctx) => (ctx.extended ? "答复期限已经延长过一次，延长的期限最长不得超过20个工作日" : null),
  },
  // From review too: a petition, a repeat or a request for another organ's information is answered without processing.
  DRAFT_REPLY: { from: ["UNDER_REVIEW", ...PROCESSING], to: "REPLY_DRAFTED" },
  RETURN_DRAFT: { from: ["REPLY_DRAFTED"], to: backToProcessing },
  SIGN_REPLY: { from: ["REPLY_DRAFTED"], to: "REPLY_SIGNED" },
  DELIVER: { from: ["REPLY_SIGNED"], to: "DELIVERED" },
  WITHDRAW: { from: WITHDRAWABLE, to: "WITHDRAWN" },
  ARCHIVE: {
    from: ["DELIVERED", "DEEMED_WITHDRAWN", "ABANDONED_FEE_UNPAID", "WITHDRAWN", "CLOSED_UNCONFIRMED"],
    to: "ARCHIVED",
  },
};

/** Actions per status, ignoring history (see `allowedActions` for the context-aware list). */
export const ACTIONS_BY_STATUS = Object.fromEntries(
  APPLICATION_STATUSES.map((s): [ApplicationStatus, readonly ApplicationAction[]] => [
    s,
    APPLICATION_ACTIONS.filter((a) => RULES[a].from.includes(s)),
  ]),
) as Record<ApplicationStatus, readonly ApplicationAction[]>;

export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

export function transition(from: ApplicationStatus, action: ApplicationAction, ctx: TransitionContext = {}): TransitionResult {
  // Callers outside TypeScript (a form value) may pass anything: refuse what is not in the tables.
  if (!Object.hasOwn(RULES, action) || !Object.hasOwn(STATUS_INFO, from)) return { ok: false, message: "无效的状态或操作" };
  const rule = RULES[action];
  if (!rule.from.includes(from)) {
    return { ok: false, message: `申请处于“${STATUS_LABELS[from]}”状态，不能执行“${ACTION_LABELS[action]}”` };
  }
  const refusal = rule.guard?.(ctx);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, to: typeof rule.to === "function" ? rule.to(ctx) : rule.to };
}

export function canTransition(from: ApplicationStatus, action: ApplicationAction, ctx: TransitionContext = {}): boolean {
  return transition(from, action, ctx).ok;
}

/** The actions a user can take now, in a stable order, with Chinese labels. */
export function allowedActions(
  status: ApplicationStatus,
  ctx: TransitionContext = {},
): Array<{ action: ApplicationAction; label: string }> {
  return ACTIONS_BY_STATUS[status].filter((a) => canTransition(status, a, ctx)).map((action) => ({ action, label: ACTION_LABELS[action] }));
}

export function stageOf(status: ApplicationStatus): CaseStage {
  return STATUS_INFO[status].stage;
}

/** Replied or closed: nothing more is owed to the applicant (archiving may remain). */
export function isClosed(status: ApplicationStatus): boolean {
  return STATUS_INFO[status].closed;
}

/**
 * Received and not yet replied or closed — what the annual report carries over
 * (结转) at year end. PENDING_CONFIRMATION is not received yet, so not pending.
 */
export function isPending(status: ApplicationStatus): boolean {
  return !STATUS_INFO[status].closed && STATUS_INFO[status].clock !== "NOT_STARTED";
}
