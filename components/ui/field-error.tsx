import type { ReactNode } from "react";
import { cx } from "./cx";
import { ErrorIcon } from "./icons";

export type FieldErrorProps = {
  /** Referenced by the input's aria-describedby. */
  id: string;
  /** The message; nothing renders when empty. Arrays show the first message. */
  message?: ReactNode | string[];
  className?: string;
};

/**
 * The error under a form field. Give the input `aria-invalid` and
 * `aria-describedby={id}`. Shown with an icon and the word "错误：" so it is
 * not signalled by colour alone.
 */
export function FieldError({ id, message, className }: FieldErrorProps) {
  const text = Array.isArray(message) ? message[0] : message;
  if (text === undefined || text === null || text === "" || text === false) return null;
  return (
    <p id={id} className={cx("mt-1 flex items-start gap-1.5 font-medium text-danger", className)}>
      <ErrorIcon className="mt-1 shrink-0" />
      <span>
        <span className="font-bold">错误：</span>
        {text}
      </span>
    </p>
  );
}
