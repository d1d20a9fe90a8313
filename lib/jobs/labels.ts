import type { JobName } from "./tasks";

/** The tasks' names as staff read them. */
export const TASK_LABELS: Record<JobName, string> = {
  "mail.send": "发送邮件",
  "disclosure.publish-due": "定时发布",
  "structured.fee-validity": "更新收费项目有效性",
  "request.render-reply-letter": "生成答复书",
  "search.extract-attachments": "提取附件全文",
  "jobs.prune-runs": "清理任务记录",
};

export function taskLabel(task: string): string {
  return (TASK_LABELS as Record<string, string>)[task] ?? task;
}

export type JobState = "QUEUED" | "RUNNING" | "RETRYING" | "FAILED";

export const JOB_STATE_LABELS: Record<JobState | "DONE", string> = {
  QUEUED: "排队中",
  RUNNING: "执行中",
  RETRYING: "等待重试",
  FAILED: "已失败",
  DONE: "已完成",
};
