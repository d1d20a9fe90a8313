// What staff may do with a job in the queue. The /admin/jobs page draws the 「重试」 button
// from it and the retry verb checks it, so the two agree.

import { ALLOWED, refused, type PolicyAnswers } from "@/lib/verbs/policy";
import { jobState, type QueueJob } from "./queries";

export type JobAction = "retry";

export function jobPolicy(job: Pick<QueueJob, "attempts" | "maxAttempts" | "lockedAt">): PolicyAnswers<JobAction> {
  const state = jobState(job);
  return {
    retry:
      state === "FAILED"
        ? ALLOWED
        : refused("STATE", state === "RUNNING" ? "任务正在执行，不能重试" : "任务尚未失败，会自动执行或重试，无需手动重试"),
  };
}
