// Expected errors carry a Chinese message safe to show and an HTTP status.
// Anything else is logged with an id and the user sees a generic message.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "未找到该记录") {
    super(message, 404, "NOT_FOUND");
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "您没有执行此操作的权限") {
    super(message, 403, "FORBIDDEN");
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = "请先登录") {
    super(message, 401, "UNAUTHENTICATED");
  }
}
export class ConflictError extends DomainError {
  constructor(message = "记录已被他人修改，请刷新后重试") {
    super(message, 409, "CONFLICT");
  }
}
export class InvalidTransitionError extends DomainError {
  constructor(message: string) {
    super(message, 409, "INVALID_TRANSITION");
  }
}
export class ValidationError extends DomainError {
  constructor(fieldErrors: FieldErrors, message = "提交的内容有误，请检查标出的字段") {
    super(message, 400, "VALIDATION", fieldErrors);
  }
}

/** The work asked for cannot be done in reasonable time right now (overload, a too-broad query). */
export class ServiceBusyError extends DomainError {
  constructor(message = "系统繁忙，请稍后再试") {
    super(message, 503, "BUSY");
  }
}

/** Turn a zod error into field → messages. */
export function zodFieldErrors(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The message a user may see for any thrown value. */
export function publicMessage(e: unknown): { message: string; status: number; errorId?: string; fieldErrors?: FieldErrors } {
  if (e instanceof DomainError) return { message: e.message, status: e.status, fieldErrors: e.fieldErrors };
  const errorId = globalThis.crypto.randomUUID().slice(0, 8);
  console.error(`[error ${errorId}]`, e);
  return { message: `系统繁忙，请稍后再试（错误编号 ${errorId}）`, status: 500, errorId };
}
