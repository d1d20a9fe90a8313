// Server actions are thin: parse the form with zod, call one verb, say what happened. The
// verb authorizes (once); this wrapper only finds who is signed in and turns expected errors
// into the Chinese messages and field errors a form shows.
//
//   "use server";
//   export const signAction = staffFormAction(signForm, async (input, ctx) => {
//     await signItem(ctx.user, input, ctx.opts(input.version));
//     return "已签发";
//   });

import type { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { ForbiddenError, publicMessage, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import type { VerbOptions } from "./define-verb";

/** What a form's server action returns to useActionState. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a failed form re-renders what was typed. */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

export type FormCtx = {
  ip: string;
  userAgent: string;
  /** Verb options for this request: the client address and the version the page showed. */
  opts: (expectedVersion?: number) => VerbOptions;
};

export type StaffFormCtx = FormCtx & { user: SessionUser };

/** A form action for signed-in staff. */
export function staffFormAction<S extends z.ZodType>(
  schema: S,
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a handler returns a message, or nothing when it redirects
  run: (input: z.infer<S>, ctx: StaffFormCtx) => Promise<string | void>,
): (prev: ActionState, formData: FormData) => Promise<ActionState> {
  return formAction(schema, async (input, ctx) => {
    const user = await currentUser();
    if (!user) throw new ForbiddenError("登录已过期，请重新登录");
    return run(input, { ...ctx, user });
  });
}

/** A form action anyone may submit (a citizen's application); the verb decides the rest. */
export function formAction<S extends z.ZodType>(
  schema: S,
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a handler returns a message, or nothing when it redirects
  run: (input: z.infer<S>, ctx: FormCtx) => Promise<string | void>,
): (prev: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_prev, formData) => {
    const values: Record<string, string> = {};
    for (const [k, v] of formData.entries()) {
      if (typeof v === "string" && !/password|querycode|idnumber/i.test(k)) values[k] = v;
    }
    try {
      const parsed = schema.safeParse(formToObject(formData));
      if (!parsed.success) {
        return { ok: false, message: "提交的内容有误，请检查标出的字段", fieldErrors: zodFieldErrors(parsed.error), values };
      }
      const meta = await requestMeta();
      const opts = (expectedVersion?: number): VerbOptions => ({ ip: meta.ip, expectedVersion });
      const message = await run(parsed.data, { ...meta, opts });
      return { ok: true, message: message ?? "已保存" };
    } catch (e) {
      if (isNextControlFlow(e)) throw e;
      const pm = publicMessage(e);
      return { ok: false, message: pm.message, fieldErrors: pm.fieldErrors, values };
    }
  };
}

/** FormData → plain object; repeated keys (or keys ending in []) become arrays. Files are kept. */
export function formToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key);
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

/** redirect() and notFound() throw special errors that must propagate. */
export function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}
