/**
 * 一事一申请 (Art. 29): an application that asks for several unrelated matters
 * is split, each matter becoming its own application with its own 申请编号 and
 * the same applicant, channel and receipt date. The original keeps the first
 * matter. Only before processing starts (已登记 / 审核中).
 */
import type { SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { yearOf } from "@/lib/calendar/civil-date";
import { runCaseVerb, type VerbOptions } from "./case-verb";
import { generateQueryCode, hashQueryCode, nextApplicationNumber } from "./numbers";
import { mailQueryCode } from "./public-mail";

export async function splitApplication(
  actor: SessionUser | null | undefined,
  input: { id: string; parts: string[] },
  opts: VerbOptions = {},
): Promise<{ created: Array<{ id: string; number: string; queryCode: string }> }> {
  const parts = (input.parts ?? []).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) throw new ValidationError({ parts: ["请至少列出两项不同的申请事项（每行一项）"] });
  if (parts.some((p) => p.length > 2000)) throw new ValidationError({ parts: ["每项申请内容不能超过2000个字"] });
  const result = await runCaseVerb(actor, input.id, "request:register", "request.split", opts, async (c) => {
    if (c.app.status !== "REGISTERED" && c.app.status !== "UNDER_REVIEW") {
      throw new InvalidTransitionError("只能在登记或审核阶段拆分申请");
    }
    const created: Array<{ id: string; number: string; queryCode: string }> = [];
    const { id: _id, number: _n, queryCodeHash: _q, version: _v, createdAt: _c, updatedAt: _u, receiptDetails, correctionItems, ...copy } = c.app;
    for (const description of parts.slice(1)) {
      const number = await nextApplicationNumber(c.tx, yearOf(c.today));
      const queryCode = generateQueryCode();
      const row = await c.tx.disclosureApplication.create({
        data: {
          ...copy,
          receiptDetails: (receiptDetails ?? undefined) as never,
          correctionItems: (correctionItems ?? undefined) as never,
          number,
          queryCodeHash: hashQueryCode(number, queryCode),
          description,
          splitFromId: c.app.id,
        },
        select: { id: true },
      });
      await c.tx.applicationEvent.create({
        data: {
          applicationId: row.id,
          actorId: c.actor.id,
          actorName: c.actor.displayName,
          action: "SPLIT_FROM",
          toStatus: c.app.status,
          note: `由申请${c.app.number}拆分`,
          payload: { splitFrom: c.app.number },
        },
      });
      created.push({ id: row.id, number, queryCode });
    }
    return {
      event: "SPLIT",
      note: `拆分为${parts.length}件申请：${[c.app.number, ...created.map((x) => x.number)].join("、")}`,
      update: { description: parts[0] },
      payload: { originalDescription: c.app.description, created: created.map((x) => x.number) },
      result: { created, applicant: { email: c.app.email, name: c.app.applicantName, number: c.app.number } },
    };
  });
  // After commit: each new application's number and query code to the applicant, if an e-mail was given.
  for (const x of result.created) {
    mailQueryCode({
      to: result.applicant.email,
      applicantName: result.applicant.name,
      trackingNo: x.number,
      queryCode: x.queryCode,
      intro: `按照“一事一申请”的要求，您的申请${result.applicant.number}中的不同事项已拆分为单独的申请分别办理，收到申请之日不变。拆分出的申请如下：`,
    });
  }
  return { created: result.created };
}
