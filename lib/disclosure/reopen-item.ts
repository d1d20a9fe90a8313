import { workflowVerb } from "./workflow-verb";

/** Art. 18 re-assessment of a withheld item: WITHHELD → PENDING_REVIEW. */
export const reopenItem = workflowVerb<{ comment?: string }>({
  policy: "reopen",
  audit: "disclosure.reopen",
  build: ({ input }) => ({ type: "reopen", comment: input.comment }),
});
