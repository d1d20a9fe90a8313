import { withoutInput, workflowVerb } from "./workflow-verb";

/** 放弃修改: abandon a new version of a published item; the live version stays. */
export const discardDraft = withoutInput(
  workflowVerb<object>({
    policy: "discardDraft",
    audit: "disclosure.discard-draft",
    build: () => ({ type: "discardDraft" }),
  }),
);
