import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ancestorIdsOf, loadEscalationChain } from "@/lib/disclosure/signoff-config";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden } from "@/components/forms/field";
import { DisclosureFieldErrors } from "@/components/admin/disclosure-file-field";
import { saveEscalationChainAction } from "../actions";

export const metadata = { title: "负面信息逐级把关链配置" };

const LEVELS = 5;

export default async function EscalationPage({ searchParams }: { searchParams: Promise<{ dept?: string }> }) {
  await requirePagePermission("departments:manage", "/admin/disclosures/escalation");
  const { dept } = await searchParams;
  const departments = await db().department.findMany({
    select: { id: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const selected = departments.find((d) => d.id === dept) ?? departments[0];
  if (!selected) return <p>尚无机构</p>;
  const { chain, configured } = await loadEscalationChain(db(), selected.id);
  // Only the department and the governments above it can sign its items (the server
  // refuses others too, save-escalation-chain.ts); nearest first.
  const lineOfAuthority = [selected.id, ...(await ancestorIdsOf(db(), selected.id))];
  const candidates = lineOfAuthority.flatMap((id) => departments.filter((d) => d.id === id));
  // A chain saved before this rule may hold such a level: negative items then cannot get a
  // sign-off plan (signoff-chain.ts refuses it), so the admin is told to fix it here.
  const strayLevels = chain.filter((l) => !lineOfAuthority.includes(l.departmentId));
  const options = candidates.flatMap((d) =>
    (["DIRECTOR", "PRINCIPAL"] as const).map((r) => ({ value: `${d.id}:${r}`, label: `${d.name} · ${ROLE_LABELS[r]}` })),
  );
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">负面信息逐级把关链配置</h1>
      <p className="mb-4">
        负面信息按此链自下而上逐级签发（先本机构、后上级，同一机构先办公室主任/分管领导、后主要领导）；每一级只能选本机构或其上级机构的领导。重要程度要求的签发层级若不在链中，会按层级自动补入。未配置时使用默认链：本单位办公室主任/分管领导
        → 本单位主要领导 → 上级政府主要领导。
      </p>
      <form method="get" className="mb-6 flex items-end gap-3">
        <div>
          <label htmlFor="esc-dept" className="block font-medium">
            机构
          </label>
          <select id="esc-dept" name="dept" defaultValue={selected.id} className="rounded border border-gray-500 px-3 py-2">
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-gray-500 px-4 py-2">
          查看
        </button>
      </form>
      <h2 className="mb-2 text-xl font-bold">
        {selected.name}（{configured ? "已配置" : "当前为默认链"}）
      </h2>
      {strayLevels.length > 0 ? (
        <p role="note" className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          当前把关链中有{strayLevels.length}级不是本机构或其上级机构的领导（
          {strayLevels.map((l) => departments.find((d) => d.id === l.departmentId)?.name ?? l.departmentId).join("、")}
          ），其领导无权处理本机构的信息，负面信息将无法签发。请重新选择各级并保存。
        </p>
      ) : null}
      <ActionForm
        action={saveEscalationChainAction}
        submitLabel="保存把关链"
        className="max-w-2xl rounded border border-gray-300 bg-white p-6"
      >
        <Hidden name="departmentId" value={selected.id} />
        <DisclosureFieldErrors name="levels" />
        {Array.from({ length: LEVELS }, (_, i) => {
          const cur = chain[i];
          return (
            <div key={i}>
              <label htmlFor={`lvl-${i}`} className="mb-1 block font-medium">
                第 {i + 1} 级
              </label>
              <select
                id={`lvl-${i}`}
                name="levels"
                defaultValue={cur ? `${cur.departmentId}:${cur.role}` : ""}
                className="block w-full rounded border border-gray-500 px-3 py-2"
              >
                <option value="">（不设）</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <p className="text-sm">全部设为“不设”并保存，即恢复默认链。</p>
      </ActionForm>
    </>
  );
}
