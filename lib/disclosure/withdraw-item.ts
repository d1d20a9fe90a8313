import type { SessionUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import type { WithdrawalReason } from "./rules/workflow";
import { runStaffTransition, type TransitionOptions } from "./transition";

/**
 * 撤回 with a reason whose public behaviour is defined (发布错误 → gone, 已被替代 → points to
 * the replacement, 已失效 → page stays with a notice).
 */
export function withdrawItem(
  user: SessionUser,
  itemId: string,
  input: { reason: WithdrawalReason; note?: string; replacementItemId?: string | null },
  opts: TransitionOptions = {},
) {
  return runStaffTransition(
    user,
    itemId,
    {
      auditAction: "disclosure.withdraw",
      permission: "disclosure:withdraw",
      build: async (tx) => {
        if (input.reason === "SUPERSEDED") {
          const replacementItemId = input.replacementItemId?.trim() ?? "";
          if (replacementItemId) {
            const r = await tx.disclosureItem.findUnique({ where: { id: replacementItemId }, select: { publishedRevisionId: true, state: true } });
            if (!r || !r.publishedRevisionId || r.state === "WITHDRAWN") throw new NotFoundError("替代信息不存在或尚未发布");
          }
          return { type: "withdraw", reason: "SUPERSEDED", replacementItemId, note: input.note };
        }
        return { type: "withdraw", reason: input.reason as "PUBLISHED_IN_ERROR" | "EXPIRED", note: input.note };
      },
    },
    opts,
  );
}
