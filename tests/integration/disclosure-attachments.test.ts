import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { uploadDir } from "@/lib/disclosure/attachments";
import { makeDemoPdf } from "@/lib/disclosure/demo-pdf";
import { getAttachmentForStaff, getItemForStaff, revisionsOf } from "@/lib/disclosure/queries";

let o: DisclosureOrg;
let pdf: Buffer;
beforeAll(async () => {
  o = await makeDisclosureOrg(db());
  pdf = await makeDemoPdf("Qingshan County 2025 Budget", ["Table 1. Revenue and expenditure"]);
});

const files = async () => new Set(await readdir(uploadDir()).catch(() => [] as string[]));

describe("attachments", () => {
  it("accepts a real PDF: stored under a random name with its sha256", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id), files: [{ fileName: "2025年部门预算表.pdf", bytes: pdf }] });
    const a = await db().disclosureAttachment.findFirstOrThrow({ where: { itemId: c.id } });
    expect(a).toMatchObject({ fileName: "2025年部门预算表.pdf", kind: "PDF", mime: "application/pdf", size: pdf.length });
    expect(a.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(a.storageName).not.toContain("预算");
    expect(await readFile(path.join(uploadDir(), a.storageName))).toEqual(pdf);
    const rev = await db().disclosureRevision.findFirstOrThrow({ where: { itemId: c.id }, include: { attachments: true } });
    expect(rev.attachments).toHaveLength(1);
  });

  it("rejects an .exe renamed .pdf with a Chinese message, storing nothing", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 0x90)]);
    const beforeFiles = await files();
    const beforeItems = await db().disclosureItem.count();
    const err = await createItem(o.clerk, { values: itemValues(o.category.id), files: [{ fileName: "预算说明.pdf", bytes: exe }] }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.attachments[0]).toContain("可执行程序");
    expect(await db().disclosureItem.count()).toBe(beforeItems);
    expect(await files()).toEqual(beforeFiles);
  });

  it("rejects an oversized file, storing nothing", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF-1.4\n", 0);
    const beforeFiles = await files();
    const err = await createItem(o.clerk, { values: itemValues(o.category.id), files: [{ fileName: "大文件.pdf", bytes: big }] }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.attachments[0]).toContain("文件大小超过上限");
    expect(await files()).toEqual(beforeFiles);
  });

  it("a valid file alongside a bad one: nothing is stored", async () => {
    const beforeFiles = await files();
    const beforeAtt = await db().disclosureAttachment.count();
    await expect(
      createItem(o.clerk, {
        values: itemValues(o.category.id),
        files: [
          { fileName: "好文件.pdf", bytes: pdf },
          { fileName: "坏文件.docx", bytes: pdf },
        ],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await files()).toEqual(beforeFiles);
    expect(await db().disclosureAttachment.count()).toBe(beforeAtt);
  });

  it("a refused edit removes the files it had written", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id) });
    const beforeFiles = await files();
    // The outsider's edit is refused (404) after its files were checked and written.
    await expect(
      editItem(o.outsiderClerk, c.id, {
        values: itemValues(o.category.id),
        baseRevisionId: c.revisionId,
        files: [{ fileName: "x.pdf", bytes: pdf }],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await files()).toEqual(beforeFiles);
  });

  it("editing keeps chosen attachments and adds new ones in a new revision", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id), files: [{ fileName: "附件一.pdf", bytes: pdf }] });
    const first = await db().disclosureAttachment.findFirstOrThrow({ where: { itemId: c.id } });
    const pdf2 = await makeDemoPdf("Annex 2");
    await editItem(o.clerk, c.id, {
      values: itemValues(o.category.id),
      baseRevisionId: c.revisionId,
      keepAttachmentIds: [first.id],
      files: [{ fileName: "附件二.pdf", bytes: pdf2 }],
    });
    const revs = await revisionsOf(o.clerk, c.id);
    expect(revs).toHaveLength(2);
    const content = revs[1]!.content as { attachments: Array<{ fileName: string }> };
    expect(content.attachments.map((a) => a.fileName)).toEqual(["附件一.pdf", "附件二.pdf"]);
  });
});

describe("staff access control", () => {
  it("an outsider department gets 404; the rightful users get in, whatever the state", async () => {
    const c = await createItem(o.clerk, { values: itemValues(o.category.id), files: [{ fileName: "草稿附件.pdf", bytes: pdf }] });
    const att = await db().disclosureAttachment.findFirstOrThrow({ where: { itemId: c.id } });
    await expect(getItemForStaff(o.outsiderClerk, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttachmentForStaff(o.outsiderDirector, att.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revisionsOf(o.outsiderClerk, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getItemForStaff(o.reviewer, c.id)).id).toBe(c.id);
    expect((await getAttachmentForStaff(o.director, att.id)).id).toBe(att.id);
    // The parent government's principal oversees the bureau.
    expect((await getAttachmentForStaff(o.countyPrincipal, att.id)).id).toBe(att.id);
  });
});
