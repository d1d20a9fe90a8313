import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StructuredFlowchart } from "@/components/public/structured-flowchart";
import { StructuredMeta } from "@/components/public/structured-meta";
import { StructuredPrintStyle } from "@/components/public/structured-print-style";
import type { PublicMeta } from "@/lib/structured/queries";

const steps = [
  { name: "申请与受理", unit: "教育局窗口", timeLimit: "当场" },
  { name: "审查", unit: "人事科", timeLimit: "5 个工作日" },
  { name: "办结送达", unit: "教育局窗口", timeLimit: "1 个工作日" },
];

describe("办事指南 flowchart", () => {
  const html = renderToStaticMarkup(createElement(StructuredFlowchart, { steps }));
  it("draws one box per step, in order, hidden from screen readers", () => {
    const chart = html.slice(html.indexOf('data-testid="flowchart"'), html.indexOf("<figcaption"));
    expect(html).toMatch(/<div aria-hidden="true"[^>]*data-testid="flowchart"/);
    const at = steps.map((s) => chart.indexOf(s.name));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(chart).toContain("承办：人事科");
    expect(chart).toContain("时限：5 个工作日");
  });
  it("carries the same steps as an ordered list, with unit and time limit", () => {
    const list = html.slice(html.indexOf("<ol"), html.indexOf("</ol>"));
    expect(list.match(/<li>/g)).toHaveLength(3);
    expect(list).toContain("审查（承办单位：人事科；办理时限：5 个工作日）");
  });
});

describe("元数据 block", () => {
  const meta: PublicMeta = {
    itemId: "i",
    indexNumber: "002581107/2025-00012",
    publisher: "青山县住房和城乡建设局",
    firstPublishedAt: "2025-03-01T01:00:00.000Z",
    publishedAt: "2025-07-01T01:00:00.000Z",
    validity: "有效",
    withdrawn: false,
    title: "t",
    revisionId: "r",
    body: "",
  };
  it("shows 索引号, 发布机构, 发布日期 (China date) and 有效性", () => {
    const html = renderToStaticMarkup(createElement(StructuredMeta, { meta }));
    for (const s of [
      "索引号：",
      "002581107/2025-00012",
      "发布机构：",
      "青山县住房和城乡建设局",
      "发布日期：",
      "2025-03-01",
      "更新日期：",
      "2025-07-01",
      "有效性：",
      "有效",
    ]) {
      expect(html).toContain(s);
    }
    expect(html).not.toContain("已撤回");
  });
  it("lets the page state the fee status as 有效性, and marks a withdrawn record", () => {
    expect(renderToStaticMarkup(createElement(StructuredMeta, { meta, validity: "已调整" }))).toContain("已调整");
    expect(renderToStaticMarkup(createElement(StructuredMeta, { meta: { ...meta, withdrawn: true, validity: "已撤回" } }))).toContain(
      "本信息已撤回",
    );
  });
});

describe("办事指南 print style", () => {
  it("lays the page out on A4 without the site's header, navigation and footer", () => {
    const html = renderToStaticMarkup(createElement(StructuredPrintStyle));
    expect(html).toContain("@media print");
    expect(html).toContain("@page { size: A4; margin: 15mm; }");
    expect(html).toMatch(/body header, body nav, body footer, \.no-print \{ display: none !important; \}/);
  });
});
