import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from "./policy";

// What the sign-in page may show for its ?error= parameter. Anyone can send a
// link with any ?error= text, so the page shows only fixed texts: next-auth's
// error codes mapped to Chinese, and the exact messages lib/auth/sign-in.ts
// produces (next-auth puts the thrown message into ?error= when the form was
// posted without JavaScript). Anything else is ignored.

const NEXT_AUTH_CODES: Record<string, string> = {
  CredentialsSignin: "用户名或密码错误",
  SessionRequired: "请先登录",
  AccessDenied: "没有权限访问",
  Configuration: "登录服务配置有误，请联系系统管理员",
  Callback: "登录未完成，请重试",
  Default: "登录未完成，请重试",
};

const SIGN_IN_MESSAGES: RegExp[] = [
  new RegExp(`^用户名或密码错误(，再错 [1-${MAX_FAILED_ATTEMPTS}] 次将锁定账号)?$`),
  new RegExp(`^密码错误次数过多，账号已锁定( ${LOCK_MINUTES} 分钟|，请于 [0-2]\\d:[0-5]\\d 后再试)$`),
  /^该账号已停用，请联系系统管理员$/,
  /^请输入(用户名|密码)$/,
  /^(用户名|密码)过长$/,
];

export function loginErrorMessage(error: string | string[] | undefined): string | undefined {
  const e = Array.isArray(error) ? error[0] : error;
  if (!e) return undefined;
  if (Object.hasOwn(NEXT_AUTH_CODES, e)) return NEXT_AUTH_CODES[e];
  return SIGN_IN_MESSAGES.some((re) => re.test(e)) ? e : undefined;
}
