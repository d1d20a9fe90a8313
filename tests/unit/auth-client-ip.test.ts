import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, chooseClientIp } from "@/lib/auth/client-ip";
import { clientIp } from "@/lib/auth/request-meta";

describe("choosing the client's address", () => {
  it("uses the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(chooseClientIp({ remoteAddress: "198.51.100.9", forwardedFor: "1.2.3.4", trustedProxyHops: 0 })).toBe("198.51.100.9");
    expect(chooseClientIp({ remoteAddress: "::ffff:198.51.100.9", forwardedFor: undefined, trustedProxyHops: 0 })).toBe("198.51.100.9");
    expect(chooseClientIp({ remoteAddress: undefined, forwardedFor: "1.2.3.4", trustedProxyHops: 0 })).toBe("");
  });

  it("takes the n-th entry from the right behind n trusted proxies, so a forged prefix is ignored", () => {
    // Client forged "1.2.3.4"; nginx appended the real peer 203.0.113.7.
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.7", trustedProxyHops: 1 })).toBe("203.0.113.7");
    // CDN then nginx: CDN appended the client, nginx appended the CDN edge.
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4,203.0.113.7, 192.0.2.50", trustedProxyHops: 2 })).toBe(
      "203.0.113.7",
    );
    // Repeated headers form one list.
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: ["1.2.3.4", "203.0.113.7"], trustedProxyHops: 1 })).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the socket when the list is shorter than the trusted chain", () => {
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: "203.0.113.7", trustedProxyHops: 2 })).toBe("10.0.0.2");
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: undefined, trustedProxyHops: 1 })).toBe("10.0.0.2");
    expect(chooseClientIp({ remoteAddress: "10.0.0.2", forwardedFor: " , ", trustedProxyHops: 1 })).toBe("10.0.0.2");
  });
});

describe("reading the client's address in the app", () => {
  const from = (h: Record<string, string>) => (n: string) => h[n] ?? null;

  it("prefers the server-set header over X-Forwarded-For", () => {
    expect(clientIp(from({ [CLIENT_IP_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.7");
  });

  it("falls back to the first X-Forwarded-For entry, then X-Real-IP, without that server", () => {
    expect(clientIp(from({ "x-forwarded-for": "1.2.3.4, 5.6.7.8" }))).toBe("1.2.3.4");
    expect(clientIp(from({ "x-real-ip": "5.6.7.8" }))).toBe("5.6.7.8");
    expect(clientIp(from({}))).toBe("");
  });
});
