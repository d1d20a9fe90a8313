import { withoutInput, workflowVerb } from "./workflow-verb";

/** 提交审查: DRAFT → PENDING_REVIEW (clerk of the item's department). */
export const submitItem = withoutInput(
  workflowVerb<object>({
    policy: "submit",
    audit: "disclosure.submit",
    build: () => ({ type: "submit" }),
  }),
);
