import { z } from "zod";

// Configuration is validated once at start-up (create-t3-app practice): a
// missing or malformed variable stops the process with a message naming it.

const secret = z.string().min(32, "至少 32 个字符");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "未设置" })
      .regex(/^postgres(ql)?:\/\/.+/, "必须是 postgresql:// 开头的连接串"),
    AUTH_SECRET: secret.optional(),
    NEXTAUTH_SECRET: secret.optional(),
    SITE_NAME: z.string().min(1).max(60).default("示例县人民政府"),
    PORT: z.coerce.number({ error: "必须是数字" }).int().min(1).max(65535).default(3000),
    UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
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
