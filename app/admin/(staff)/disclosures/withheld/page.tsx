import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { withheldItems } from "@/lib/disclosure/queries";
import { formatDate } from "@/lib/disclosure/form-options";
import { exemptionOptionLabel, isExemptionCode } from "@/lib/law/exemptions";
import { DisclosureSubnav } from "@/components/admin/disclosure-subnav";
import { Table } from "@/components/ui";

export const metadata = { title: "不予公开清单" };

export default async function WithheldPage() {
  const user = await requireUser("/admin/disclosures/withheld");
  const items = await withheldItems(user);
  const today = new Date();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">不予公开清单</h1>
      <DisclosureSubnav user={user} current="/admin/disclosures/withheld" />
      <p className="mb-4">依《条例》第十八条，不予公开的信息应定期评估审查，可以公开的及时公开。到期的复查日期以红色标出。</p>
      {items.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">暂无不予公开的信息</p>
      ) : (
        <Table caption="不予公开的信息及复查日期">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">索引号</th>
              <th scope="col">不予公开依据</th>
              <th scope="col">决定日期</th>
              <th scope="col">复查期限</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => {
              const review = it.reviews[0];
              const overdue = it.reassessmentDueOn !== null && it.reassessmentDueOn.getTime() <= today.getTime();
              return (
                <tr key={it.id}>
                  <td>
                    <Link href={`/admin/disclosures/${it.id}`} className="text-blue-800 underline">
                      {it.workingRevision?.title}
                    </Link>
                  </td>
                  <td className="text-sm">{it.indexNumber}</td>
                  <td>
                    {(review?.exemptions ?? [])
                      .filter(isExemptionCode)
                      .map((c) => exemptionOptionLabel(c))
                      .join("；")}
                  </td>
                  <td>{formatDate(review?.decidedAt)}</td>
                  <td className={overdue ? "font-bold text-red-800" : ""}>
                    {it.reassessmentDueOn ? it.reassessmentDueOn.toISOString().slice(0, 10) : "—"}
                    {overdue ? "（已到期，请复查）" : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
