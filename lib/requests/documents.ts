/** Storing generated letters with the case, and the organ data they print. */
import type { Tx } from "@/lib/db/client";
import type { ApplicationDocumentKind } from "@/lib/generated/prisma/enums";
import { sha256Hex } from "./numbers";

type Client = Pick<Tx, "applicationDocument">;

export async function storeDocument(
  tx: Client,
  d: {
    applicationId: string;
    kind: ApplicationDocumentKind;
    sourceId: string;
    fileName: string;
    content: Buffer;
    createdById?: string | null;
  },
) {
  return tx.applicationDocument.create({
    data: {
      applicationId: d.applicationId,
      kind: d.kind,
      sourceId: d.sourceId,
      fileName: d.fileName,
      size: d.content.length,
      sha256: sha256Hex(d.content),
      content: new Uint8Array(d.content),
      createdById: d.createdById ?? null,
    },
    select: { id: true, fileName: true },
  });
}

export type OrganInfo = { name: string; shortName: string; code: string; reviewOrganName: string | null; contact: string };

/** The handling department as printed on letters; 行政复议 goes to its parent (本级人民政府). */
export async function organOf(tx: Pick<Tx, "department">, departmentId: string): Promise<OrganInfo> {
  const d = await tx.department.findUniqueOrThrow({
    where: { id: departmentId },
    select: { name: true, shortName: true, code: true, address: true, phone: true, parent: { select: { name: true } } },
  });
  const contact = [d.address && `地址：${d.address}`, d.phone && `电话：${d.phone}`].filter(Boolean).join("　");
  return {
    name: d.name,
    shortName: d.shortName ?? d.name,
    code: d.code,
    reviewOrganName: d.parent?.name ?? null,
    contact: contact ? `联系方式：${contact}` : "",
  };
}
