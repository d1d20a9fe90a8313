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

export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"], { error: "只能是 development、production 或 test" })
      .default("development"),
    DATABASE_URL: z
      .string({ error: "未设置" })
      .regex(/^postgres(ql)?:\/\/.+/, "必须是 postgresql:// 开头的连接串"),
    AUTH_SECRET: secret.optional(),
    NEXTAUTH_SECRET: secret.optional(),
    SITE_NAME: z
      .string({ error: "必须是文本" })
      .trim()
      .min(1, "不能为空")
      .max(60, "不能超过 60 个字符")
      .default("示例县人民政府"),
    PORT: intVar(1, 65535, 3000),
    UPLOAD_DIR: z.string({ error: "必须是文本" }).min(1, "不能为空").default(".data/uploads"),
    UPLOAD_MAX_MB: intVar(1, 1024, 50),
    // How many reverse proxies in front of the portal append to X-Forwarded-For
    // (scripts/server.ts): 0 = clients connect directly, use the socket address.
    TRUSTED_PROXY_HOPS: intVar(0, 10, 0),
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
  return (e.AUTH_SECRET ?? e.NEXTAUTH_SECRET)!;
}
