import { withoutInput, workflowVerb } from "./workflow-verb";

/** 定时发布: the scheduler (lib/jobs/publish-scheduled.ts) publishes it when `publishAt` comes. */
export const scheduleItem = workflowVerb<{ publishAt: Date; expectedRevisionHash: string }>({
  policy: "schedule",
  audit: "disclosure.schedule",
  build: ({ input }) => ({ type: "schedule", publishAt: input.publishAt, expectedRevisionHash: input.expectedRevisionHash }),
});

/** 取消定时发布: back to PENDING_SIGNOFF, signatures kept. */
export const unscheduleItem = withoutInput(
  workflowVerb<object>({
    policy: "unschedule",
    audit: "disclosure.unschedule",
    build: () => ({ type: "unschedule" }),
  }),
);
