import { workflowVerb } from "./workflow-verb";

/**
 * 签发: fills the next sign-off step. Two leaders signing the same step at once: the row
 * lock serialises them and the second sees a new version (ConflictError) — or, without a
 * version, the signature unique index refuses the duplicate.
 */
export const signItem = workflowVerb<{ expectedRevisionHash: string; comment?: string }>({
  policy: "sign",
  audit: "disclosure.sign",
  build: ({ input }) => ({ type: "sign", expectedRevisionHash: input.expectedRevisionHash, comment: input.comment }),
});
