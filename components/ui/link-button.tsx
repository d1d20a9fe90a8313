import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button-styles";

export type LinkButtonProps = Omit<ComponentProps<typeof Link>, "className"> & {
  /** Visual style, as for <Button>. Default "primary". */
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

/**
 * A link (next/link) that looks like a button — use it for navigation
 * ("我要申请", "返回列表"); use <Button> for actions.
 */
export function LinkButton({ variant, size, className, ...rest }: LinkButtonProps) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
