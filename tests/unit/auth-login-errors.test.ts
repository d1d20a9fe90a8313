import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { csrfTokenFromCookie } from "@/lib/auth/csrf";

describe("the sign-in page's ?error= text", () => {
  it("maps next-auth's codes to fixed Chinese texts", () => {
    expect(loginErrorMessage("CredentialsSignin")).toBe("用户名或密码错误");
    expect(loginErrorMessage("SessionRequired")).toBe("请先登录");
    expect(loginErrorMessage(["Default", "x"])).toBe("登录未完成，请重试");
  });

  it("passes the sign-in verb's own messages (no-JavaScript sign-in) and nothing else", () => {
    expect(loginErrorMessage("用户名或密码错误，再错 3 次将锁定账号")).toBe("用户名或密码错误，再错 3 次将锁定账号");
    expect(loginErrorMessage("密码错误次数过多，账号已锁定，请于 10:15 后再试")).toBe("密码错误次数过多，账号已锁定，请于 10:15 后再试");
    expect(loginErrorMessage("该账号已停用，请联系系统管理员")).toBe("该账号已停用，请联系系统管理员");
    for (const forged of [
      "您的账号存在风险，请拨打 400-000-0000",
      "用户名或密码错误，请访问 evil.example",
      "constructor",
      "toString",
      "<b>x</b>",
    ]) {
      expect(loginErrorMessage(forged)).toBeUndefined();
    }
    expect(loginErrorMessage(undefined)).toBeUndefined();
    expect(loginErrorMessage("")).toBeUndefined();
  });
});

describe("next-auth's CSRF cookie", () => {
  const secret = "s".repeat(40);
  const token = "a1".repeat(32);
  const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");

  it("yields the token when signed with our secret, encoded or not", () => {
    expect(csrfTokenFromCookie(`${token}|${hash}`, secret)).toBe(token);
    expect(csrfTokenFromCookie(`${token}%7C${hash}`, secret)).toBe(token);
  });

  it("yields nothing for a missing, malformed or foreign cookie", () => {
    expect(csrfTokenFromCookie(undefined, secret)).toBe("");
    expect(csrfTokenFromCookie(token, secret)).toBe("");
    expect(csrfTokenFromCookie(`${token}|${hash}`, "other-secret-other-secret-other-secret")).toBe("");
    expect(csrfTokenFromCookie("%E0%A4%A", secret)).toBe("");
  });
});
