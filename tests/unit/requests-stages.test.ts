import { describe, expect, it } from "vitest";
import {
  ACTIONS_BY_STATUS,
  ACTION_LABELS,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  CASE_STAGES,
  CASE_STAGE_LABELS,
  STATUS_INFO,
  STATUS_LABELS,
  allowedActions,
  canTransition,
  isClosed,
  isPending,
  stageOf,
  transition,
  type ApplicationAction,
  type ApplicationStatus,
  type TransitionContext,
} from "@/lib/requests/rules/stages";

function run(from: ApplicationStatus, actions: ApplicationAction[], ctx: TransitionContext = {}): ApplicationStatus {
  let status = from;
  for (const action of actions) {
    const r = transition(status, action, ctx);
    if (!r.ok) throw new Error(`${status} × ${action}: ${r.message}`);
    status = r.to;
  }
  return status;
}

describe("stages and labels", () => {
  it("has the five Art. 45 stages", () => {
    expect(CASE_STAGES.map((s) => CASE_STAGE_LABELS[s])).toEqual(["登记", "审核", "办理", "答复", "归档"]);
  });

  it("gives every status a Chinese label and a stage, and uses every stage", () => {
    for (const s of APPLICATION_STATUSES) expect(STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(APPLICATION_STATUSES.map(stageOf))).toEqual(new Set(CASE_STAGES));
    expect(stageOf("PENDING_CONFIRMATION")).toBe("REGISTRATION");
    expect(stageOf("AWAITING_CORRECTION")).toBe("REVIEW");
    expect(stageOf("IN_CONSULTATION")).toBe("PROCESSING");
    expect(stageOf("REPLY_SIGNED")).toBe("REPLY");
    expect(stageOf("ARCHIVED")).toBe("ARCHIVE");
    expect(STATUS_LABELS.PENDING_CONFIRMATION).toBe("待确认");
    expect(STATUS_LABELS.AWAITING_CORRECTION).toBe("待补正");
  });

  it("gives every action a Chinese label", () => {
    for (const a of APPLICATION_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("marks the statuses that stop the reply clock", () => {
    const stopped = APPLICATION_STATUSES.filter((s) => STATUS_INFO[s].clock === "STOPPED");
    expect(stopped).toEqual(["AWAITING_CORRECTION", "IN_CONSULTATION", "AWAITING_FEE"]);
    expect(STATUS_INFO.PENDING_CONFIRMATION.clock).toBe("NOT_STARTED");
  });
});

describe("paths through the machine", () => {
  it("online application, straight through", () => {
    expect(
      run("PENDING_CONFIRMATION", ["CONFIRM_RECEIPT", "START_REVIEW", "ACCEPT", "DRAFT_REPLY", "SIGN_REPLY", "DELIVER", "ARCHIVE"]),
    ).toBe("ARCHIVED");
  });

  it("an online submission that cannot be confirmed is closed and archived", () => {
    expect(run("PENDING_CONFIRMATION", ["CLOSE_UNCONFIRMED", "ARCHIVE"])).toBe("ARCHIVED");
  });

  it("补正 returns to review; it can be asked for only once", () => {
    expect(run("UNDER_REVIEW", ["REQUEST_CORRECTION", "RECEIVE_CORRECTION"])).toBe("UNDER_REVIEW");
    expect(transition("UNDER_REVIEW", "REQUEST_CORRECTION", { correctionRequested: true })).toEqual({
      ok: false,
      message: "补正应当一次性告知，本申请已经告知过补正，不能再次要求补正",
    });
  });

  it("补正 not supplied in time → deemed withdrawn", () => {
    expect(run("AWAITING_CORRECTION", ["CORRECTION_OVERDUE"])).toBe("DEEMED_WITHDRAWN");
    expect(run("DEEMED_WITHDRAWN", ["ARCHIVE"])).toBe("ARCHIVED");
  });

  it("consultation returns to processing, or to the extended state if extended", () => {
    expect(run("IN_PROGRESS", ["START_CONSULTATION", "END_CONSULTATION"])).toBe("IN_PROGRESS");
    expect(run("EXTENDED", ["START_CONSULTATION", "END_CONSULTATION"], { extended: true })).toBe("EXTENDED");
  });

  it("fee: paid → back to processing; unpaid → abandoned", () => {
    expect(run("IN_PROGRESS", ["ISSUE_FEE_NOTICE", "CONFIRM_PAYMENT"])).toBe("IN_PROGRESS");
    expect(run("EXTENDED", ["ISSUE_FEE_NOTICE", "CONFIRM_PAYMENT"], { extended: true })).toBe("EXTENDED");
    expect(run("IN_PROGRESS", ["ISSUE_FEE_NOTICE", "FEE_OVERDUE", "ARCHIVE"])).toBe("ARCHIVED");
    expect(STATUS_LABELS.ABANDONED_FEE_UNPAID).toBe("视为放弃申请（逾期未缴费）");
  });

  it("the reply period is extended at most once", () => {
    expect(run("IN_PROGRESS", ["EXTEND"])).toBe("EXTENDED");
    expect(canTransition("EXTENDED", "EXTEND", { extended: true })).toBe(false);
    expect(transition("IN_PROGRESS", "EXTEND", { extended: true })).toEqual({
      ok: false,
      message: "答复期限已经延长过一次，延长的期限最长不得超过20个工作日",
    });
  });

  it("a reply can be drafted straight from review (e.g. 不予处理) and returned for changes", () => {
    expect(run("UNDER_REVIEW", ["DRAFT_REPLY", "RETURN_DRAFT"])).toBe("IN_PROGRESS");
    expect(run("EXTENDED", ["DRAFT_REPLY", "RETURN_DRAFT"], { extended: true })).toBe("EXTENDED");
  });

  it("the applicant can withdraw until the reply is signed", () => {
    for (const s of APPLICATION_STATUSES) {
      const expected = [
        "REGISTERED",
        "UNDER_REVIEW",
        "AWAITING_CORRECTION",
        "IN_PROGRESS",
        "IN_CONSULTATION",
        "AWAITING_FEE",
        "EXTENDED",
        "REPLY_DRAFTED",
      ].includes(s);
      expect(canTransition(s, "WITHDRAW"), s).toBe(expected);
    }
    expect(run("IN_CONSULTATION", ["WITHDRAW", "ARCHIVE"])).toBe("ARCHIVED");
  });
});

describe("refusals", () => {
  it("explains in Chinese why an action is not allowed", () => {
    expect(transition("DELIVERED", "SIGN_REPLY")).toEqual({ ok: false, message: "申请处于“已送达”状态，不能执行“签发答复”" });
    expect(transition("PENDING_CONFIRMATION", "START_REVIEW")).toEqual({
      ok: false,
      message: "申请处于“待确认”状态，不能执行“开始审核”",
    });
  });

  it("refuses unknown statuses and actions", () => {
    expect(transition("NOPE" as ApplicationStatus, "ARCHIVE")).toEqual({ ok: false, message: "无效的状态或操作" });
    expect(transition("REGISTERED", "NOPE" as ApplicationAction)).toEqual({ ok: false, message: "无效的状态或操作" });
  });

  it("an archived application accepts nothing", () => {
    expect(ACTIONS_BY_STATUS.ARCHIVED).toEqual([]);
    expect(allowedActions("ARCHIVED")).toEqual([]);
  });

  it("cannot skip signing or review", () => {
    expect(canTransition("REPLY_DRAFTED", "DELIVER")).toBe(false);
    expect(canTransition("REGISTERED", "ACCEPT")).toBe(false);
    expect(canTransition("AWAITING_FEE", "DRAFT_REPLY")).toBe(false);
    expect(canTransition("IN_CONSULTATION", "EXTEND")).toBe(false);
  });
});

describe("allowedActions", () => {
  it("lists actions with labels, filtered by history", () => {
    expect(allowedActions("IN_PROGRESS").map((a) => a.action)).toEqual([
      "START_CONSULTATION",
      "ISSUE_FEE_NOTICE",
      "EXTEND",
      "DRAFT_REPLY",
      "WITHDRAW",
    ]);
    expect(allowedActions("UNDER_REVIEW", { correctionRequested: true }).map((a) => a.action)).toEqual([
      "ACCEPT",
      "DRAFT_REPLY",
      "WITHDRAW",
    ]);
    expect(allowedActions("PENDING_CONFIRMATION")).toEqual([
      { action: "CONFIRM_RECEIPT", label: "确认收到申请" },
      { action: "CLOSE_UNCONFIRMED", label: "无法确认，关闭" },
    ]);
  });

  it("agrees with canTransition everywhere", () => {
    for (const s of APPLICATION_STATUSES) {
      for (const ctx of [{}, { extended: true }, { correctionRequested: true }]) {
        const allowed = new Set(allowedActions(s, ctx).map((a) => a.action));
        for (const a of APPLICATION_ACTIONS) expect(allowed.has(a)).toBe(canTransition(s, a, ctx));
      }
    }
  });

  it("every status can reach ARCHIVED", () => {
    for (const start of APPLICATION_STATUSES) {
      const seen = new Set<ApplicationStatus>([start]);
      const queue: ApplicationStatus[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const a of ACTIONS_BY_STATUS[s]) {
          const r = transition(s, a);
          if (r.ok && !seen.has(r.to)) {
            seen.add(r.to);
            queue.push(r.to);
          }
        }
      }
      expect(seen.has("ARCHIVED"), start).toBe(true);
    }
  });
});

describe("isClosed / isPending", () => {
  it("closed = replied or ended; pending = received and not closed", () => {
    expect(APPLICATION_STATUSES.filter(isClosed)).toEqual([
      "DELIVERED",
      "ARCHIVED",
      "DEEMED_WITHDRAWN",
      "ABANDONED_FEE_UNPAID",
      "WITHDRAWN",
      "CLOSED_UNCONFIRMED",
    ]);
    expect(isPending("PENDING_CONFIRMATION")).toBe(false);
    expect(isPending("AWAITING_FEE")).toBe(true);
    expect(isPending("REPLY_SIGNED")).toBe(true);
    expect(isPending("DELIVERED")).toBe(false);
  });
});
