import { StructuredFeeForm } from "@/components/admin/structured-fee-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { departmentOptionsFor, getForStaff, listForStaff } from "@/lib/structured/admin-queries";

export const metadata = { title: "新建收费项目" };

/** /admin/structured/fees/new — or ?adjust={itemId}: a new fee that adjusts (调整) an existing one. */
export default async function NewFeePage({ searchParams }: { searchParams: Promise<{ adjust?: string }> }) {
  const user = await requirePagePermission("structured:draft", "/admin/structured/fees/new");
  const { adjust } = await searchParams;
  const [departments, fees, base] = await Promise.all([
    departmentOptionsFor(user),
    listForStaff(user, "FEE"),
    adjust ? getForStaff(user, "FEE", adjust) : null,
  ]);
  const prefill = base?.publishedData ?? base?.data ?? null;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{base ? `调整收费标准：${prefill?.name ?? ""}` : "新建收费项目"}</h1>
      {base ? (
        <p className="mb-4 max-w-prose text-gray-800">
          调整后的标准作为新的收费项目发布；发布后原项目在公众页面显示为“已调整”并指向新项目。请修改标准和执行起始日期。
        </p>
      ) : null}
      <StructuredFeeForm
        data={
          prefill
            ? {
                ...prefill,
                validFrom: civilDateInShanghai(new Date()),
                validUntil: null,
                status: "VALID",
                cancelledOn: null,
                successorItemId: null,
              }
            : null
        }
        predecessorItemId={base ? base.item.id : undefined}
        departments={departments}
        otherFees={fees.map((f) => ({ itemId: f.itemId, title: f.title }))}
        submitLabel={base ? "保存调整（草稿）" : "保存（草稿）"}
      />
    </>
  );
}
