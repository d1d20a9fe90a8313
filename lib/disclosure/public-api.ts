// JSON shapes of the open API (GET /api/v1/disclosures, /api/v1/disclosures/{id}).
// Documented in docs/api.md; change both together and never break a field (the API is v1).

import { attachmentPath, itemPath } from "./public-params";
import type { PublicItemDetail, PublicListRow, LinkedItem } from "./public-queries";
import { modeLabel, scopeLabel, validityLabel, withdrawalLabel } from "./public-format";

export type ApiListItem = {
  id: string;
  indexNo: string;
  title: string;
  docNo: string | null;
  department: { code: string; name: string } | null;
  category: { code: string; name: string } | null;
  publishedAt: string;
  validity: string;
  validityLabel: string;
  url: string;
};

export function apiListItem(
  origin: string,
  r: Pick<PublicListRow, "id" | "indexNumber" | "title" | "documentNumber" | "publishedAt" | "validity"> & {
    department: { code: string; name: string } | null;
    category: { code: string; name: string } | null;
  },
): ApiListItem {
  return {
    id: r.id,
    indexNo: r.indexNumber,
    title: r.title,
    docNo: r.documentNumber,
    department: r.department ? { code: r.department.code, name: r.department.name } : null,
    category: r.category ? { code: r.category.code, name: r.category.name } : null,
    publishedAt: r.publishedAt.toISOString(),
    validity: r.validity,
    validityLabel: validityLabel(r.validity),
    url: origin + itemPath(r.id),
  };
}

const linkOf = (origin: string, l: LinkedItem) => ({ id: l.id, indexNo: l.indexNumber, title: l.title, url: origin + itemPath(l.id) });
const link = (origin: string, l: LinkedItem | null) => (l ? linkOf(origin, l) : null);

export function apiItemDetail(origin: string, d: PublicItemDetail) {
  return {
    id: d.id,
    status: d.view,
    indexNo: d.indexNumber,
    title: d.title,
    docNo: d.documentNumber,
    summary: d.summary,
    bodyHtml: d.bodyHtml,
    keywords: d.keywords,
    department: d.department ? { code: d.department.code, name: d.department.name } : null,
    category: d.category ? { code: d.category.code, name: d.category.name } : null,
    writtenOn: d.writtenOn,
    publishedAt: d.publishedAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    validity: d.validity,
    validityLabel: validityLabel(d.validity),
    disclosureMode: d.disclosureMode,
    disclosureModeLabel: modeLabel(d.disclosureMode),
    disclosureScope: d.disclosureScope,
    disclosureScopeLabel: scopeLabel(d.disclosureScope),
    withdrawal: d.withdrawal
      ? {
          reason: d.withdrawal.reason,
          reasonLabel: withdrawalLabel(d.withdrawal.reason),
          note: d.withdrawal.note,
          at: d.withdrawal.at?.toISOString() ?? null,
        }
      : null,
    replacedBy: link(origin, d.replacedBy),
    interprets: link(origin, d.interprets),
    interpretations: d.interpretations.map((l) => linkOf(origin, l)),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      kind: a.kind,
      mime: a.mime,
      size: a.size,
      url: origin + attachmentPath(d.id, a.id),
    })),
    url: origin + itemPath(d.id),
  };
}
