import { describe, expect, it } from "vitest";
import { decisionFromForm, replyDraftForm } from "@/lib/requests/form-schemas";
import { replyDecisionSchema } from "@/lib/requests/rules/reply-types";

// The staff reply form is flat; decisionFromForm assembles the decision the rules check.
const form = (fields: Record<string, string>) => decisionFromForm(replyDraftForm.parse({ id: "x", ...fields }));

describe("reply draft form → decision (已主动公开)", () => {
  it("passes the 未在网上公开 tick only when checked, so an unticked form still needs the link", () => {
    const online = form({ replyType: "ALREADY_PUBLIC", accessInstructions: "见政府公报" });
    expect(online).not.toHaveProperty("publishedOffline");
    expect(replyDecisionSchema.safeParse(online).success).toBe(false);

    const offline = form({ replyType: "ALREADY_PUBLIC", publishedOffline: "true", accessInstructions: "见本机关2026年第3期政府公报" });
    expect(offline).toMatchObject({ publishedOffline: true });
    expect(replyDecisionSchema.safeParse(offline).success).toBe(true);
  });

  it("ignores the tick for other reply types", () => {
    expect(form({ replyType: "DISCLOSE", publishedOffline: "true", accessInstructions: "随函提供" })).not.toHaveProperty(
      "publishedOffline",
    );
  });
});
