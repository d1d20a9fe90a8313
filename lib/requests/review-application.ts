/** 审核: start reviewing a registered application, then accept it for processing (办理). */
import { caseVerb } from "./case-verb";

export const startReview = caseVerb<{ id: string }, undefined>({
  action: "request.start-review",
  policy: "startReview",
  run: async (c) => {
    c.transition("START_REVIEW");
    return { event: "START_REVIEW", result: undefined };
  },
});

export const acceptApplication = caseVerb<{ id: string }, undefined>({
  action: "request.accept",
  policy: "accept",
  run: async (c) => {
    c.transition("ACCEPT");
    return { event: "ACCEPT", result: undefined };
  },
});
