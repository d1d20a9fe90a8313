import type { z } from "zod";
import { publicMessage, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { authorize, type SessionUser } from "./guard";
import type { Permission } from "./permissions";
import { requestMeta } from "./request-meta";

/** What a form's server action returns to useActionState. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a failed form re-renders what was typed. */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

type Ctx = { user: SessionUser; ip: string; userAgent: string };

/**
 * The one authenticated entry point for form mutations (formbricks'
 * authenticatedActionClient, dub's withWorkspace): it states the permission,
 * validates the form with zod, and turns expected errors into Chinese messages.
 * `departmentOf` names the department the input acts on, for the scope check.
 */
export function authorizedFormAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: Ctx) => Promise<string | void>,
  opts: { departmentOf?: (input: z.infer<S>) => string | undefined; action?: string } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values: Record<string, string> = {};
    for (const [k, v] of formData.entries()) {
      if (typeof v === "string" && !/password/i.test(k)) values[k] = v;
    }
    try {
      const parsed = schema.safeParse(formToObject(formData));
      if (!parsed.success) {
        return { ok: false, message: "提交的内容有误，请检查标出的字段", fieldErrors: zodFieldErrors(parsed.error), values };
      }
      const user = await authorize(permission, {
        departmentId: opts.departmentOf?.(parsed.data),
        action: opts.action,
      });
      const meta = await requestMeta();
      const message = await handler(parsed.data, { user, ...meta });
      return { ok: true, message: message ?? "已保存" };
    } catch (e) {
      if (isNextControlFlow(e)) throw e;
      const pm = publicMessage(e);
      return { ok: false, message: pm.message, fieldErrors: pm.fieldErrors, values };
    }
  };
}

/** FormData → plain object; repeated keys become arrays. Files are kept. */
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
function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
