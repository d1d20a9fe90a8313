import { describe, expect, it } from "vitest";
import { formatIndexNumber, parseIndexNumber } from "@/lib/disclosure/rules/index-number";

const parts = { orgCode: "11330100MB0000000X", categoryCode: "0701", year: 2026, seq: 42 };

describe("formatIndexNumber", () => {
  it("formats organ code / category - year - 5-digit sequence", () => {
    expect(formatIndexNumber(parts)).toEqual({ ok: true, value: "11330100MB0000000X/0701-2026-00042" });
    expect(formatIndexNumber({ ...parts, orgCode: "00248235X", categoryCode: "A", seq: 1 })).toEqual({
      ok: true,
      value: "00248235X/A-2026-00001",
    });
  });

  it("lets a long series grow past five digits instead of wrapping", () => {
    expect(formatIndexNumber({ ...parts, seq: 123456 })).toEqual({ ok: true, value: "11330100MB0000000X/0701-2026-123456" });
  });

  it("refuses parts that would make an ambiguous or unparsable number, in Chinese", () => {
    const bad = [
      { ...parts, orgCode: "113-30100" },
      { ...parts, orgCode: "abc" },
      { ...parts, orgCode: "11330100mb0000000x" },
      { ...parts, orgCode: "1".repeat(19) },
      { ...parts, categoryCode: "" },
      { ...parts, categoryCode: "07/01" },
      { ...parts, categoryCode: "07-01" },
      { ...parts, year: 26 },
      { ...parts, year: 2026.5 },
      { ...parts, seq: 0 },
      { ...parts, seq: -1 },
      { ...parts, seq: 1.5 },
      { ...parts, seq: 1_000_000_000 },
    ];
    for (const p of bad) {
      const r = formatIndexNumber(p);
      expect(r.ok, JSON.stringify(p)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("parseIndexNumber", () => {
  it("round-trips", () => {
    for (const p of [
      parts,
      { ...parts, seq: 99999 },
      { ...parts, seq: 100000 },
      { orgCode: "ABCD", categoryCode: "Z9", year: 1949, seq: 7 },
    ]) {
      const f = formatIndexNumber(p);
      if (!f.ok) throw new Error(f.message);
      expect(parseIndexNumber(f.value)).toEqual({ ok: true, value: p });
    }
  });

  it("forgives surrounding spaces and lower case", () => {
    expect(parseIndexNumber("  11330100mb0000000x/0701-2026-00042 ")).toEqual({ ok: true, value: parts });
  });

  it("refuses non-canonical sequence widths, so one item cannot have two numbers", () => {
    const r = parseIndexNumber("11330100MB0000000X/0701-2026-000042");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("11330100MB0000000X/0701-2026-00042");
    expect(parseIndexNumber("11330100MB0000000X/0701-2026-0042").ok).toBe(false);
  });

  it("refuses malformed numbers with a Chinese explanation", () => {
    for (const s of [
      "",
      "11330100MB0000000X/2026-00042",
      "11330100MB0000000X-0701-2026-00042",
      "11330100MB0000000X/0701-26-00042",
      "11330100MB0000000X/0701-2026-00000",
      "11330100MB0000000X/0701-1900-00001",
      "x/0701-2026-00042",
    ]) {
      const r = parseIndexNumber(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/索引号|代码|年份|序号/);
    }
  });
});
