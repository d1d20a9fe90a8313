import { z } from "zod";

// Configuration is validated once at start-up (create-t3-app practice): a
// missing or malformed variable stops the process with a message naming it.

// Every field and every check carries its own Chinese message: a schema-level
// `error` alone would also answer range checks (PORT=0 used to say 必须是数字),
// and checks without one fall back to zod's English text.
const secret = z.string({ error: "必须是文本" }).min(32, "至少 32 个字符");

/** An integer from the environment, with messages for "not a number" and the range. */
function intVar(min: number, max: number, fallback: number) {
  return z.coerce
    .number({ error: `必须是数字（${min}–${max} 的整数）` })
    .int(`必须是整数（${min}–${max}）`)
    .min(min, `不能小于 ${min}`)
    .max(max, `不能大于 ${max}`)
    .default(fallback);
}

// Outgoing mail (lib/mail/). Without SMTP_URL, `npm start` runs the local mail catcher
// (scripts/mail-catcher.ts) on MAIL_CATCHER_PORT and points SMTP_URL at it.
const mailEnvShape = {
  SMTP_URL: z
    .string({ error: "必须是文本" })
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, "必须是 smtp:// 或 smtps:// 开头的地址，例如 smtp://用户名:密码@smtp.example.gov.cn:587")
    .optional(),
  MAIL_FROM: z
    .string({ error: "必须是文本" })
    .trim()
    .min(3, "不能为空")
    .max(200, "不能超过 200 个字符")
    .regex(/@/, "必须包含邮箱地址，例如 政务公开 <noreply@example.gov.cn>")
    .optional(),
  MAIL_CATCHER_PORT: intVar(1, 65535, 1025),
};
const mailEnvSchema = z.object(mailEnvShape);
export type MailEnv = z.infer<typeof mailEnvSchema>;

/**
 * The mail settings alone, read afresh (the job runner and tests set SMTP_URL after the
 * process started; the full `env()` is parsed once).
 */
export function mailEnv(source: Record<string, string | undefined> = process.env): MailEnv {
  const r = mailEnvSchema.safeParse(source);
  if (!r.success) throw new Error(`邮件配置错误：\n${formatEnvErrors(r.error)}`);
  return r.data;
}

// Security settings (scripts/server.ts, lib/http/). PUBLIC_ORIGIN is the address visitors
// use: every absolute link (feed, sitemap, open API) is built from it, never from the
// request's Host, which a client can forge (docs/security.md).
const securityEnvShape = {
  PUBLIC_ORIGIN: z
    .string({ error: "必须是文本" })
    .trim()
    .regex(/^https?:\/\/[^\s/?#@]+$/, "必须是 http:// 或 https:// 开头、不带路径的地址，例如 https://xxgk.example.gov.cn")
    .optional(),
  // Which clamd socket scans uploads (lib/uploads/virus-scan.ts); unset = no virus scan.
  CLAMAV_SOCKET: z.string({ error: "必须是文本" }).trim().min(1, "不能为空").optional(),
  // Longest a database statement may run (lib/db/client.ts), in milliseconds.
  DB_STATEMENT_TIMEOUT_MS: intVar(1000, 600_000, 10_000),
  // Cookies carry the Secure flag by default in production (lib/http/origin.ts
  // `secureCookies`); "false" only for a plain-HTTP intranet deployment.
  SECURE_COOKIES: z.enum(["true", "false"], { error: "只能是 true 或 false" }).optional(),
};
const securityEnvSchema = z.object({ ...securityEnvShape, PORT: intVar(1, 65535, 3000) });
export type SecurityEnv = z.infer<typeof securityEnvSchema> & { publicOrigin: string };

/**
 * The security settings alone, read afresh (tests set PUBLIC_ORIGIN after start; the full
 * `env()` is parsed once). Without PUBLIC_ORIGIN the demo's own address is used.
 */
export function securityEnv(source: Record<string, string | undefined> = process.env): SecurityEnv {
  const r = securityEnvSchema.safeParse(source);
  if (!r.success) throw new Error(`安全配置错误：\n${formatEnvErrors(r.error)}`);
  const publicOrigin = r.data.PUBLIC_ORIGIN ? new URL(r.data.PUBLIC_ORIGIN).origin : `http://localhost:${r.data.PORT}`;
  return { ...r.data, publicOrigin };
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"], { error: "只能是 development、production 或 test" }).default("development"),
    DATABASE_URL: z.string({ error: "未设置" }).regex(/^postgres(ql)?:\/\/.+/, "必须是 postgresql:// 开头的连接串"),
    AUTH_SECRET: secret.optional(),
    NEXTAUTH_SECRET: secret.optional(),
    SITE_NAME: z.string({ error: "必须是文本" }).trim().min(1, "不能为空").max(60, "不能超过 60 个字符").default("示例县人民政府"),
    PORT: intVar(1, 65535, 3000),
    UPLOAD_DIR: z.string({ error: "必须是文本" }).min(1, "不能为空").default(".data/uploads"),
    UPLOAD_MAX_MB: intVar(1, 1024, 50),
    // How many reverse proxies in front of the portal append to X-Forwarded-For
    // (scripts/server.ts): 0 = clients connect directly, use the socket address.
    TRUSTED_PROXY_HOPS: intVar(0, 10, 0),
    ...mailEnvShape,
    ...securityEnvShape,
  })
  .superRefine((env, ctx) => {
    if (!env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "未设置（或设置 NEXTAUTH_SECRET）" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function formatEnvErrors(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(环境)"}: ${i.message}`).join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    throw new Error(`配置错误，无法启动：\n${formatEnvErrors(r.error)}`);
  }
  return r.data;
}

let cached: Env | null = null;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function authSecret(): string {
  const e = env();
  const secret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  // Unreachable in practice: env() refuses to start without one of the two.
  if (!secret) throw new Error("AUTH_SECRET 未设置");
  return secret;
}
