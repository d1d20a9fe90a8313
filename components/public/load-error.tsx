import { Alert } from "@/components/ui/alert";

export type LoadErrorProps = { message: string; errorId?: string };

/** Shown in place of page content whose data could not be read (server-rendered). */
export function LoadError({ message, errorId }: LoadErrorProps) {
  return (
    <Alert tone="error" title="内容暂时无法显示">
      <p>{message}</p>
      {errorId ? <p className="mt-1">如问题持续存在，请联系网站管理部门并告知错误编号。</p> : null}
    </Alert>
  );
}
