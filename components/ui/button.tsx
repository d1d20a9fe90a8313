import type { ButtonHTMLAttributes } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button-styles";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Visual style; "danger" for destructive actions. Default "primary". */
  variant?: ButtonVariant;
  /** "md" (≥ 44 px high) or "lg". Default "md". */
  size?: ButtonSize;
};

/**
 * A native <button>. `type` defaults to "button" — pass `type="submit"` in
 * forms. All other button attributes (name, value, aria-pressed, formAction …)
 * pass through, so it works in server-rendered forms without JavaScript.
 */
export function Button({ variant, size, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...rest} />;
}
