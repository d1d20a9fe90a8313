/**
 * 一事一申请 (Art. 29): an application that asks for several unrelated matters
 * is split, each matter becoming its own application with its own 申请编号 and
 * the same applicant, channel and receipt date. The original keeps the first
 * matter. Only before processing starts (已登记 / 审核中: lib/requests/policy.ts).
 * Each new number and query code is mailed to the applicant through the outbox,
 * in the same transaction.
 */
import { ValidationError } from "@/lib/errors";
import { yearOf } from "@/lib/calendar/civil-date";
import { caseVerb } from "./case-verb";
import { generateQueryCode, hashQueryCode, nextApplicationNumber } from "./numbers";
import { mailQueryCode } from "./public-mail";

export type SplitResult = { created: Array<{ id: string; number: string; queryCode: string }> };

export const splitApplication = caseVerb<{ id: string; parts: string[] }, SplitResult>({
  action: "request.split",
  policy: "split",
  validate: (input) => {
    const parts = input.parts.map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) throw new ValidationError({ parts: ["请至少列出两项不同的申请事项（每行一项）"] });
    if (parts.some((p) => p.length > 2000)) throw new ValidationError({ parts: ["每项申请内容不能超过2000个字"] });
    return { ...input, parts };
  },
  run: async (c) => {
    const [first, ...rest] = c.input.parts;
    const created: SplitResult["created"] = [];
    const {
      id: _id,
      number: _n,
      queryCodeHash: _q,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      receiptDetails,
      correctionItems,
      ...copy
    } = c.app;
    for (const description of rest) {
      const number = await nextApplicationNumber(c.tx, yearOf(c.today));
      const queryCode = generateQueryCode();
      const row = await c.tx.disclosureApplication.create({
        data: {
          ...copy,
          receiptDetails: receiptDetails ?? undefined,
          correctionItems: correctionItems ?? undefined,
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
      // The applicant's only copy of the new query code besides what staff tell them.
      await mailQueryCode(c.tx, {
        to: c.app.email,
        applicantName: c.app.applicantName,
        trackingNo: number,
        queryCode,
        applicationId: row.id,
        intro: `按照“一事一申请”的要求，您的申请${c.app.number}中的不同事项已拆分为单独的申请分别办理，收到申请之日不变。拆分出的申请如下：`,
      });
      created.push({ id: row.id, number, queryCode });
    }
    return {
      event: "SPLIT",
      note: `拆分为${c.input.parts.length}件申请：${[c.app.number, ...created.map((x) => x.number)].join("、")}`,
      update: { description: first },
      payload: { originalDescription: c.app.description, created: created.map((x) => x.number) },
      result: { created },
    };
  },
});
