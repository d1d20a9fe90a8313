import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers";

const header = (h: Array<[string, string]>, name: string) => h.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe("security headers", () => {
  it("allows scripts only from the site and with this response's nonce", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, admin: false, https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
  });

  it("makes a different nonce each time, in the shape Next reads", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(a).toMatch(/^[A-Za-z0-9+/_-]+={0,2}$/);
  });

  it("forbids framing staff pages, allows same-origin framing of public ones", () => {
    const admin = securityHeaders({ nonce: "n", path: "/admin/disclosures", https: false });
    expect(header(admin, "content-security-policy")).toContain("frame-ancestors 'none'");
    const pub = securityHeaders({ nonce: "n", path: "/xxgk", https: false });
    expect(header(pub, "content-security-policy")).toContain("frame-ancestors 'self'");
    expect(
      securityHeaders({ nonce: "n", path: "/administration", https: false }).find(([, v]) => v.includes("frame-ancestors 'none'")),
    ).toBeUndefined();
  });

  it("sends HSTS and upgrade-insecure-requests only over HTTPS", () => {
    const http = securityHeaders({ nonce: "n", path: "/", https: false });
    expect(header(http, "strict-transport-security")).toBeUndefined();
    expect(header(http, "content-security-policy")).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders({ nonce: "n", path: "/", https: true });
    expect(header(https, "strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    expect(header(https, "content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("sets Referrer-Policy and Permissions-Policy", () => {
    const h = securityHeaders({ nonce: "n", path: "/", https: false });
    expect(header(h, "referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(header(h, "permissions-policy")).toContain("camera=()");
  });
});
