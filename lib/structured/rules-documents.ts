// 公开制度: the published disclosure items in category A1501 (政府信息公开制度).

import { db } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { publicFingerprint } from "./queries";

export const RULES_CATEGORY_CODE = "A1501";

export type RulesDocument = {
  itemId: string;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  publisher: string;
  publishedAt: string | null;
  validity: string;
  withdrawn: boolean;
};

export async function rulesDocuments(): Promise<RulesDocument[]> {
  return cachedCatalogue(`structured:rules:${await publicFingerprint()}`, async () => {
    const c = db();
    const cat = await c.category.findUnique({ where: { code: RULES_CATEGORY_CODE }, select: { id: true } });
    if (!cat) return [];
    const items = await c.disclosureItem.findMany({
      where: {
        publishedRevision: { categoryId: cat.id },
        OR: [{ state: { not: "WITHDRAWN" } }, { withdrawnPage: { in: ["NOTICE", "REPLACED"] } }],
      },
      select: {
        id: true,
        indexNumber: true,
        departmentId: true,
        firstPublishedAt: true,
        state: true,
        publishedRevision: { select: { title: true, documentNumber: true, validity: true } },
      },
      orderBy: { firstPublishedAt: "desc" },
    });
    const depts = new Map((await c.department.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    // The where clause only matches items with a published revision; the check narrows the type.
    return items.flatMap((i) => {
      const rev = i.publishedRevision;
      if (!rev) return [];
      return [
        {
          itemId: i.id,
          indexNumber: i.indexNumber,
          title: rev.title,
          documentNumber: rev.documentNumber,
          publisher: depts.get(i.departmentId) ?? "",
          publishedAt: i.firstPublishedAt?.toISOString() ?? null,
          validity: rev.validity,
          withdrawn: i.state === "WITHDRAWN",
        },
      ];
    });
  });
}
