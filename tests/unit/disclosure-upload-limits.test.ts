import { afterEach, describe, expect, it, vi } from "vitest";
import { uploadRequestLimitMb, uploadSelectionProblem } from "@/lib/disclosure/upload-limits";

const MB = 1024 * 1024;

describe("upload limits", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("next.config.ts uses the same per-request limit as the form, for the proxy's body clone too", async () => {
    vi.stubEnv("UPLOAD_MAX_MB", "20");
    vi.resetModules();
    const { default: config } = await import("@/next.config");
    expect(uploadRequestLimitMb(20)).toBe(65);
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe("65mb");
    // Above the default 10 MB clone cap, which used to truncate attachments.
    expect(config.experimental?.proxyClientMaxBodySize).toBe("65mb");
  });

  it("defaults to UPLOAD_MAX_MB=50", async () => {
    vi.stubEnv("UPLOAD_MAX_MB", "");
    vi.resetModules();
    const { default: config } = await import("@/next.config");
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe(`${uploadRequestLimitMb(50)}mb`);
  });

  it("refuses, in Chinese, one file over the limit or a selection over the per-request total", () => {
    expect(uploadSelectionProblem([{ name: "a.pdf", size: 15 * MB }], 50)).toBeNull();
    expect(uploadSelectionProblem([{ name: "大.pdf", size: 51 * MB }], 50)).toMatch(/文件“大.pdf”超过50MB/);
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, size: 45 * MB }));
    expect(uploadSelectionProblem(four, 50)).toMatch(/合计180MB，一次最多上传150MB/);
    expect(uploadSelectionProblem(four.slice(0, 3), 50)).toBeNull();
  });
});
