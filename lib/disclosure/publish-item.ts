import { workflowVerb } from "./workflow-verb";

/** 发布 now (all steps signed): the working revision becomes the published one. */
export const publishItem = workflowVerb<{ expectedRevisionHash: string }>({
  policy: "publish",
  audit: "disclosure.publish",
  build: ({ input }) => ({ type: "publish", expectedRevisionHash: input.expectedRevisionHash }),
});
