// The public view of one item with a fee's derived 有效性. A fee's status can change without a
// new revision (its successor takes effect, its end date passes: ./validity.ts); its page
// and the API must say what /xxgk/fees says, not what the signed revision said. The item view
// itself belongs to lib/disclosure, which must not depend on this domain, so the fee part is
// laid over it here, where both are known.

import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { getPublicItem as getItemView, visibleLinks, type PublicItemResult } from "@/lib/disclosure/public-queries";
import { db } from "@/lib/db/client";
import { feeValidityOverrides, type DerivedValidity } from "./validity";

/** The derived 有效性 of a 收费项目 item, or null for any other item. */
async function feeValidityOf(itemId: string): Promise<DerivedValidity | null> {
  const record = await db().structuredRecord.findUnique({ where: { itemId }, select: { kind: true } });
  if (record?.kind !== "FEE") return null;
  return (await feeValidityOverrides([itemId])).get(itemId) ?? null;
}

/** What an item's public page (and the API) may show; cached like the item view itself. */
export async function getPublicItem(id: string): Promise<PublicItemResult> {
  const view = await getItemView(id);
  if (view.view !== "LIVE" && view.view !== "NOTICE") return view;
  // Cleared with the catalogue caches, like the item view (syncFeeValidity notifies).
  const derived = await cachedCatalogue(`fee-validity:${id}`, () => feeValidityOf(id));
  if (!derived) return view;
  const replacedBy = derived.replacedById ? ((await visibleLinks([derived.replacedById])).get(derived.replacedById) ?? null) : null;
  return { ...view, validity: derived.validity, replacedBy };
}
