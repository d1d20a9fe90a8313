// Test fixture (tests only; it was in lib/ before): a small organisation with every
// role needed by the workflow, and valid item form values.

import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { createDepartment, createUser } from "@/lib/seed/factories";
import { civilDateInShanghai, addDays } from "@/lib/calendar/civil-date";

let n = 0;

async function actor(c: Db, roles: Role[], departmentId: string, name: string): Promise<SessionUser> {
  const u = await createUser(c, { roles, departmentId, displayName: name });
  const d = await c.department.findUniqueOrThrow({ where: { id: departmentId }, select: { name: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    departmentId,
    departmentName: d.name,
    sessionId: "test",
  };
}

export async function makeDisclosureOrg(c: Db) {
  n++;
  const tag = `${Date.now().toString(36).toUpperCase()}${n}`;
  const gov = await createDepartment(c, { kind: "GOVERNMENT", name: `测试县人民政府${tag}`, code: `G${tag}` });
  const bureau = await createDepartment(c, { kind: "BUREAU", parentId: gov.id, name: `测试县财政局${tag}`, code: `B${tag}` });
  const other = await createDepartment(c, { kind: "BUREAU", parentId: gov.id, name: `测试县教育局${tag}`, code: `O${tag}` });
  const category = await c.category.create({ data: { code: `C${n}${Date.now() % 100000}`.slice(0, 10), name: "财政预算、决算信息" } });
  return {
    gov,
    bureau,
    other,
    category,
    clerk: await actor(c, ["CLERK"], bureau.id, "何晓燕"),
    clerk2: await actor(c, ["CLERK"], bureau.id, "钱佩琳"),
    reviewer: await actor(c, ["REVIEWER"], bureau.id, "许志强"),
    reviewer2: await actor(c, ["REVIEWER"], bureau.id, "唐宏伟"),
    director: await actor(c, ["DIRECTOR"], bureau.id, "陈志远"),
    director2: await actor(c, ["DIRECTOR"], bureau.id, "王丽萍"),
    principal: await actor(c, ["PRINCIPAL"], bureau.id, "马国华"),
    countyPrincipal: await actor(c, ["PRINCIPAL"], gov.id, "林建国"),
    outsiderClerk: await actor(c, ["CLERK"], other.id, "冯雨桐"),
    outsiderDirector: await actor(c, ["DIRECTOR"], other.id, "李明德"),
    outsiderReviewer: await actor(c, ["REVIEWER"], other.id, "赵文静"),
    clerkReviewer: await actor(c, ["CLERK", "REVIEWER"], bureau.id, "兼职审查员"),
  };
}
export type DisclosureOrg = Awaited<ReturnType<typeof makeDisclosureOrg>>;

export function itemValues(categoryId: string, o: Record<string, unknown> = {}, now = new Date()): Record<string, unknown> {
  const today = civilDateInShanghai(now);
  return {
    title: "青山县财政局关于2025年度部门预算公开的说明",
    documentNumber: "青财预〔2025〕12号",
    categoryId,
    writtenOn: addDays(today, -5),
    formedOn: addDays(today, -3),
    summary: "公开2025年度部门预算收支总表、财政拨款收支总表及相关说明。",
    body: "<p>根据《中华人民共和国预算法》有关规定，现将2025年度部门预算公开如下。</p>",
    keywords: "预算 公开",
    disclosureMode: "PROACTIVE",
    disclosureScope: "PUBLIC",
    validity: "VALID",
    tier: "GENERAL",
    negative: false,
    responsibleSection: "预算股",
    responsiblePerson: "何晓燕",
    ...o,
  };
}
