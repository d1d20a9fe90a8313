import "server-only";
import { unstable_rethrow } from "next/navigation";
import { publicMessage } from "@/lib/errors";

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string; errorId?: string };

/**
 * Runs a public page's data load and turns a failure into a message the page
 * renders itself (logged with an error id by `publicMessage`). Without this an
 * error in a Server Component is only shown by the client-side error boundary,
 * i.e. a blank page for visitors without JavaScript. Next's own control-flow
 * errors (notFound, redirect, dynamic usage) are re-thrown untouched.
 */
export async function safeLoad<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (e) {
    unstable_rethrow(e);
    const { message, errorId } = publicMessage(e);
    return { ok: false, message, errorId };
  }
}
