import { NotFoundError } from "@/lib/errors";
import type { WithdrawalReason } from "./labels";
import { workflowVerb } from "./workflow-verb";

export interface WithdrawInput {
  reason: WithdrawalReason;
  note?: string;
  replacementItemId?: string | null;
}

/**
 * 撤回 with a reason whose public behaviour is defined (发布错误 → gone, 已被替代 → points to
 * the replacement, 已失效 → page stays with a notice).
 */
export const withdrawItem = workflowVerb<WithdrawInput>({
  policy: "withdraw",
  audit: "disclosure.withdraw",
  build: async ({ tx, input }) => {
    if (input.reason === "SUPERSEDED") {
      const replacementItemId = input.replacementItemId?.trim() ?? "";
      if (replacementItemId) {
        const r = await tx.disclosureItem.findUnique({
          where: { id: replacementItemId },
          select: { publishedRevisionId: true, state: true },
        });
        if (!r || !r.publishedRevisionId || r.state === "WITHDRAWN") throw new NotFoundError("替代信息不存在或尚未发布");
      }
      return { type: "withdraw", reason: "SUPERSEDED", replacementItemId, note: input.note };
    }
    return { type: "withdraw", reason: input.reason, note: input.note };
  },
});
