import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's minimum).
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

export const passwordSchema = z
  .string({ error: "请输入密码" })
  .min(10, "密码至少 10 个字符")
  .max(128, "密码不能超过 128 个字符")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "密码须同时包含字母和数字");
