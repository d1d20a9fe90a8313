import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md border-2 font-medium leading-normal no-underline " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "border-brand bg-brand text-on-brand hover:bg-brand-strong hover:border-brand-strong",
  secondary: "border-brand bg-surface text-brand hover:bg-brand-soft",
  danger: "border-danger bg-danger text-on-brand hover:opacity-90",
  ghost: "border-transparent bg-transparent text-link underline underline-offset-4 hover:bg-surface-muted",
};

const sizes: Record<ButtonSize, string> = {
  // Minimum 44 × 44 px target (WCAG 2.5.5 / senior-friendly guidance).
  md: "min-h-11 px-4 py-2 text-base",
  lg: "min-h-12 px-6 py-2.5 text-lg",
};

/** Class list shared by <Button> and <LinkButton>. */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cx(base, variants[variant], sizes[size], className);
}
