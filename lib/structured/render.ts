// Renders structured data into the revision body (HTML inside the sanitizer's allow-list).
// Deterministic: equal data gives equal HTML, so the revision hash — which covers the body —
// changes exactly when the data changes, and approvals bound to the old hash lapse.

import { describeStandard, FEE_STATUS_LABELS, type FeeData } from "./rules/fee";
import type { GuideData } from "./rules/guide";
import type { LeaderData } from "./rules/leader";
import type { ProfileData } from "./rules/profile";
import { SERVICE_KIND_LABELS, type ServiceData } from "./rules/service";

export function esc(s: string | number | null | undefined): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const para = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join("") || "<p>无</p>";

const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${value}</td></tr>`;
const table = (rows: string[]) => `<table><tbody>${rows.join("")}</tbody></table>`;

/** Names needed to render ids (departments, linked items). */
export type RenderNames = { departments: Record<string, string>; items?: Record<string, string> };

export function renderFee(f: FeeData, n: RenderNames): string {
  const bases = f.legalBases.map((b) => `<li>${esc(b.title)}${b.documentNumber ? `（${esc(b.documentNumber)}）` : ""}</li>`).join("");
  return [
    `<h2>${esc(f.name)}</h2>`,
    table([
      row("项目编码", esc(f.code || "—")),
      row("收费单位", esc(n.departments[f.departmentId] ?? "")),
      row("收费标准", esc(describeStandard(f))),
      ...(f.note ? [row("标准说明", esc(f.note))] : []),
      row("缴费对象", esc(f.payer)),
      row("减免政策", esc(f.reductions || "无")),
      row("执行期限", esc(`${f.validFrom} 起${f.validUntil ? `至 ${f.validUntil}` : ""}`)),
      row("状态", esc(FEE_STATUS_LABELS[f.status] + (f.status === "CANCELLED" && f.cancelledOn ? `（${f.cancelledOn} 取消）` : ""))),
      ...(f.status === "ADJUSTED" && f.successorItemId
        ? [
            row(
              "调整后的收费项目",
              `<a href="/xxgk/fees/${esc(f.successorItemId)}">${esc(n.items?.[f.successorItemId] ?? "查看调整后的收费项目")}</a>`,
            ),
          ]
        : []),
    ]),
    `<h3>收费依据</h3><ul>${bases}</ul>`,
    // The body is fixed when signed; a later adjustment or cancellation shows in the schedule.
    `<p>收费项目的现行状态以<a href="/xxgk/fees">行政事业性收费项目目录</a>为准。</p>`,
  ].join("");
}

export function renderProfile(p: ProfileData, n: RenderNames): string {
  const units = p.units.map((u) => `<li><strong>${esc(u.name)}</strong>：${esc(u.duties)}</li>`).join("");
  return [
    `<h2>${esc(n.departments[p.departmentId] ?? "")}</h2>`,
    `<h3>主要职能</h3>`,
    para(p.functions),
    `<h3>内设机构</h3>`,
    units ? `<ul>${units}</ul>` : "<p>无</p>",
    `<h3>联系方式</h3>`,
    table([
      row("办公地址", esc(p.address + (p.postalCode ? `（邮编：${p.postalCode}）` : ""))),
      row("办公时间", esc(p.officeHours)),
      row("联系电话", esc(p.phone)),
      row("传真", esc(p.fax || "—")),
      row("电子邮箱", esc(p.email || "—")),
      row("负责人", esc(p.headName)),
      ...(p.mapUrl ? [row("地图", `<a href="${esc(p.mapUrl)}">查看地图</a>`)] : []),
    ]),
  ].join("");
}

export function renderLeader(l: LeaderData, n: RenderNames): string {
  const oversees = l.oversees.map((id) => n.departments[id] ?? id).join("、");
  return [
    `<h2>${esc(l.name)}</h2>`,
    table([
      row("职务", esc(l.title)),
      row("所属机构", esc(n.departments[l.departmentId] ?? "")),
      row("任职时间", esc(`${l.termStart} 起${l.termEnd ? `至 ${l.termEnd}` : ""}`)),
      row("分管单位", esc(oversees || "—")),
    ]),
    `<h3>工作分工</h3>`,
    para(l.duties),
    ...(l.cv ? [`<h3>简历</h3>`, para(l.cv)] : []),
    ...(l.photoId ? [`<p>照片编号：${esc(l.photoId)}</p>`] : []),
  ].join("");
}

export function renderService(s: ServiceData, n: RenderNames): string {
  const materials = s.materials
    .map(
      (m) =>
        `<tr><td>${esc(m.name)}</td><td>${esc(m.form)}</td><td>${esc(m.copies)}</td><td>${esc(m.format || "—")}</td><td>${esc(m.source || "—")}</td></tr>`,
    )
    .join("");
  const steps = s.steps.map((st) => `<li>${esc(st.name)}（承办：${esc(st.unit)}；时限：${esc(st.timeLimit)}）</li>`).join("");
  const fees = s.feeItemIds.map((id) => `<li>${esc(n.items?.[id] ?? id)}</li>`).join("");
  return [
    `<h2>${esc(s.name)}</h2>`,
    table([
      row("事项编码", esc(s.code)),
      row("事项类型", esc(SERVICE_KIND_LABELS[s.kind])),
      row("实施机构", esc(n.departments[s.departmentId] ?? "")),
      row("承诺时限", esc(`${s.promisedDays} 个工作日`)),
      row("法定时限", esc(`${s.statutoryDays} 个工作日`)),
      row("办理地点", esc(s.place)),
      row("办理时间", esc(s.hours)),
      row("咨询电话", esc(s.phone)),
      ...(s.onlineUrl ? [row("网上办理", `<a href="${esc(s.onlineUrl)}">${esc(s.onlineUrl)}</a>`)] : []),
    ]),
    `<h3>设定依据</h3>`,
    para(s.legalBasis),
    `<h3>申请条件</h3>`,
    para(s.conditions),
    `<h3>申请材料</h3>`,
    materials
      ? `<table><thead><tr><th>材料名称</th><th>形式</th><th>份数</th><th>格式</th><th>来源</th></tr></thead><tbody>${materials}</tbody></table>`
      : "<p>无</p>",
    `<h3>办理流程</h3><ol>${steps}</ol>`,
    `<h3>收费</h3>`,
    fees ? `<ul>${fees}</ul>` : "<p>不收费</p>",
    `<h3>进度查询</h3>`,
    para(s.progressQuery || "—"),
    `<h3>监督投诉</h3>`,
    para(s.complaints || "—"),
  ].join("");
}

export function renderGuide(g: GuideData, n: RenderNames): string {
  const cats = g.categories
    .map((c) => `<li>${"　".repeat(c.depth)}${esc(c.code)} ${esc(c.name)}${c.article ? `（${esc(c.article)}）` : ""}</li>`)
    .join("");
  const office = (o: GuideData["office"]) =>
    table([
      row("名称", esc(o.name)),
      row("办公地址", esc(o.address + (o.postalCode ? `（邮编：${o.postalCode}）` : ""))),
      row("办公时间", esc(o.officeHours)),
      row("联系电话", esc(o.phone)),
      row("传真", esc(o.fax || "—")),
      row("电子邮箱", esc(o.email || "—")),
    ]);
  const points = g.requestPoints.map((p) => `<li>${esc(p.name)}：${esc(p.address)}，电话 ${esc(p.phone)}</li>`).join("");
  return [
    `<h2>${esc(n.departments[g.departmentId] ?? "")}政府信息公开指南</h2>`,
    `<h3>一、概述</h3>`,
    para(g.intro),
    `<h3>二、主动公开</h3>`,
    `<h4>（一）公开的范围、分类与编排</h4><ul>${cats}</ul>`,
    `<h4>（二）公开渠道</h4>`,
    para(g.proactiveChannels),
    `<h3>三、依申请公开</h3>`,
    para(g.requestNotes),
    `<h4>受理机构</h4><ul>${points}</ul>`,
    `<h4>收费</h4>`,
    para(g.feesPolicy),
    `<h3>四、政府信息公开工作机构</h3>`,
    office(g.office),
    ...(g.remedies ? [`<h3>五、监督和救济</h3>`, para(g.remedies)] : []),
  ].join("");
}
