import type { ReactNode } from "react";
import { cx } from "./cx";
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "error";

export type AlertProps = {
  /** Kind of message; sets icon, visible prefix word and colours. Default "info". */
  tone?: AlertTone;
  /** Bold first line. */
  title?: ReactNode;
  children?: ReactNode;
  /**
   * ARIA live role. Default: "alert" for errors (announced at once),
   * "status" otherwise (announced politely). "none" for static notices.
   */
  role?: "alert" | "status" | "none";
  /** Set to focus the alert from a skip/summary link (e.g. "form-errors"). */
  id?: string;
  className?: string;
};

const tones: Record<AlertTone, { label: string; Icon: typeof InfoIcon; classes: string }> = {
  info: { label: "提示", Icon: InfoIcon, classes: "border-info bg-info-soft" },
  success: { label: "成功", Icon: SuccessIcon, classes: "border-success bg-success-soft" },
  warning: { label: "注意", Icon: WarningIcon, classes: "border-warning bg-warning-soft" },
  error: { label: "错误", Icon: ErrorIcon, classes: "border-danger bg-danger-soft" },
};

/**
 * A message box. The tone is conveyed by an icon *and* a visible word
 * (提示/成功/注意/错误), never by colour alone.
 */
export function Alert({ tone = "info", title, children, role, id, className }: AlertProps) {
  const t = tones[tone];
  const liveRole = role ?? (tone === "error" ? "alert" : "status");
  return (
    <div
      id={id}
      role={liveRole === "none" ? undefined : liveRole}
      tabIndex={id ? -1 : undefined}
      className={cx("flex gap-3 rounded-md border-l-4 p-4 text-ink", t.classes, className)}
    >
      <t.Icon className="mt-1 shrink-0" />
      <div className="min-w-0">
        <p className="font-bold">
          {t.label}
          {title ? <>：{title}</> : null}
        </p>
        {children ? <div className="mt-1">{children}</div> : null}
      </div>
    </div>
  );
}
