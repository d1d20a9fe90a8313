import { workflowVerb } from "./workflow-verb";

/** 退回: back to DRAFT with a required comment, shown on the draft (reviewer or a signer). */
export const returnItem = workflowVerb<{ comment: string }>({
  policy: "return",
  audit: "disclosure.return",
  build: ({ input }) => ({ type: "return", comment: input.comment }),
});
