import type { Verb, VerbActor, VerbOptions } from "@/lib/verbs/define-verb";
import { invalidateCalendarCache } from "./load-calendar";

/**
 * A calendar verb as callers use it: after it returns (committed) or fails, the in-process
 * calendar cache is dropped, so the next deadline computed here sees the edit. Dropping it
 * inside the transaction would let a concurrent read cache the old rows again before commit.
 */
export function refreshingCalendar<I, R>(verb: Verb<I, R>) {
  return async (actor: VerbActor | undefined, input: I, opts?: VerbOptions): Promise<R> => {
    try {
      return await verb(actor, input, opts);
    } finally {
      invalidateCalendarCache();
    }
  };
}
