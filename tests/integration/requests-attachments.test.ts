import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addAttachment } from "@/lib/requests/add-attachment";
import { closeUnconfirmed } from "@/lib/requests/confirm-application";
import { withdrawApplication } from "@/lib/requests/close-case";
import { createApplication } from "@/lib/requests/create-application";
import { loadCaseFile } from "@/lib/requests/queries";
import { personInput } from "@/lib/requests/sample-input";
import { at, handedIn, office, statusOf } from "./requests-helpers";

describe("scanned attachments and closing without a reply", () => {
  it("stores a scanned PDF for the department in scope and refuses other types and outsiders", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    const pdf = new TextEncoder().encode("%PDF-1.4\n% scanned application\n");
    await expect(
      addAttachment(o.clerk, { id: a.id, fileName: "x.exe", mimeType: "application/pdf", content: new TextEncoder().encode("MZ...") }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addAttachment(o.outsider, { id: a.id, fileName: "申请表.pdf", mimeType: "application/pdf", content: pdf }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const r = await addAttachment(o.clerk, {
      id: a.id,
      fileName: "申请表.pdf",
      mimeType: "application/pdf",
      content: pdf,
      description: "申请表原件扫描件",
    });
    expect((await loadCaseFile(o.clerk, a.id, r.attachmentId)).fileName).toBe("申请表.pdf");
    await expect(loadCaseFile(o.outsider, a.id, r.attachmentId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("closes an unconfirmable online application and records a withdrawal for the annual report", async () => {
    const o = await office();
    const online = await createApplication(personInput(o.dept.id), { now: at("2026-03-02") });
    await expect(closeUnconfirmed(o.clerk, { id: online.id, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await closeUnconfirmed(o.clerk, { id: online.id, reason: "电话和邮箱均无法联系" }, { now: at("2026-03-04") });
    expect(await statusOf(online.id)).toBe("CLOSED_UNCONFIRMED");
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await withdrawApplication(o.clerk, { id: a.id, reason: "申请人书面撤回" }, { now: at("2026-03-05") });
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.annualReportRow).toBe("OTHER.OTHER");
  });
});
