import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startReview } from "@/lib/requests/review-application";
import { draftReply, signReply } from "@/lib/requests/reply";
import { deliverReply } from "@/lib/requests/close-case";
import { replyLetterOf } from "@/lib/requests/reply-letter";
import { loadCase } from "@/lib/requests/queries";
import { at, handedIn, office, statusOf } from "./requests-helpers";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return out.replace(/\s+/g, "");
}

describe("Art. 39: a petition or complaint filed as an application", () => {
  it("is closed from review as 不予处理 naming the channel to use, counted as 信访举报投诉类 in the annual report", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02", { description: "投诉某小区物业违规收费，要求查处并答复处理结果" });
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-03") });
    const d = await draftReply(
      o.clerk,
      {
        id: a.id,
        decision: {
          replyType: "NOT_PROCESSED",
          subReason: "PETITION",
          explanation: "您的申请实为对物业收费行为的投诉，不属于政府信息公开申请",
          channel: "12345政务服务便民热线或县市场监督管理局投诉举报窗口",
        },
      },
      { now: at("2026-03-04") },
    );
    expect(await statusOf(a.id)).toBe("REPLY_DRAFTED");
    await signReply(o.director, { id: a.id, contentHash: d.contentHash }, { now: at("2026-03-05") });
    const letter = await replyLetterOf(a.id);
    const text = await pdfText(letter.content);
    expect(text).toContain("信访举报投诉类申请");
    expect(text).toContain("12345政务服务便民热线或县市场监督管理局投诉举报窗口");
    expect(text).toContain("第三十九条第一款");
    expect(text).toContain("60日内");
    expect(text).toContain("6个月内");

    await deliverReply(o.clerk, { id: a.id, method: "邮寄（交邮）", deliveredOn: "2026-03-06" }, { now: at("2026-03-06") });
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({
      status: "DELIVERED",
      replyType: "NOT_PROCESSED",
      annualReportRow: "NOT_PROCESSED.PETITION",
      deliveryMethodUsed: "邮寄（交邮）",
    });
    const c = await loadCase(o.clerk, a.id, at("2026-03-09"));
    expect(c.clock.state === "DONE" && c.clock.metDeadline).toBe(true);
  });
});
