// Demo data for 主动公开: several hundred items across departments and categories, in every
// workflow state (incl. withdrawn and replaced ones), with revision histories, reviews and
// signatures by the demo accounts, and a few real PDF attachments. Deterministic (seeded
// PRNG, fixed reference date — only future 定时发布 times follow the clock) and fast: rows
// are built in memory and written with batch inserts.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DisclosureEventType, DisclosureItemState } from "@/lib/generated/prisma/enums";
import { buildSignoffSteps, type SignoffStep } from "@/lib/disclosure/rules/signoff-chain";
import { revisionHash, type AttachmentRef, type RevisionContent } from "@/lib/disclosure/rules/revision";
import { addDays, addMonths, civilDateInShanghai, isoWeekday } from "@/lib/calendar/civil-date";
import { formatIndexNumber } from "@/lib/disclosure/rules/index-number";
import type { ImportanceTier } from "@/lib/disclosure/rules/validity";
import { makeDemoPdf } from "@/lib/disclosure/demo-pdf";
import { cachedHash } from "./factories";
import { DEMO_PASSWORD } from "./organisation";
import { rng } from "./rng";
import { ABBR, bodyFor, cycle, DEPT_CATEGORIES, must, KEYWORDS, pick, SECTIONS, TITLES, type Rnd } from "./seed-disclosures-data";

const ITEM_COUNT = 360;
const REFERENCE_DATE = "2026-11-20";
const STAFF_NAMES = [
  "赵文静",
  "钱建军",
  "孙立新",
  "周海燕",
  "吴志刚",
  "郑晓红",
  "冯卫国",
  "陈秀兰",
  "褚明辉",
  "卫晓东",
  "蒋丽娟",
  "沈国强",
  "韩春梅",
  "杨永胜",
  "朱丽华",
  "秦志明",
  "尤海峰",
  "许美玲",
  "何建平",
  "吕秋云",
  "施永红",
  "张德明",
  "孔令华",
  "曹雪芳",
  "严卫东",
  "华国庆",
  "金晓梅",
  "魏振华",
  "陶秀英",
  "姜国栋",
  "戚红霞",
  "谢志强",
];

/** Adds n Monday–Friday days (demo only; the real calendar is in lib/calendar). */
function addWeekdays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left--;
  }
  return d;
}
const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);
const dbDate = (d: string) => new Date(`${d}T00:00:00.000Z`);

type Staff = Record<"CLERK" | "REVIEWER" | "DIRECTOR" | "PRINCIPAL", { id: string; name: string }>;

interface Plan {
  id: string;
  deptCode: string;
  categoryCode: string;
  state: DisclosureItemState;
  withdrawReason?: "PUBLISHED_IN_ERROR" | "SUPERSEDED" | "EXPIRED";
  pendingNewVersion?: DisclosureItemState;
  returnedOnce: boolean;
  partial: boolean;
  tier: ImportanceTier;
  negative: boolean;
  title: string;
  formedOn: string;
  writtenOn: string;
  lateDays: number;
  attachment: boolean;
  interpretsId?: string;
  replacedById?: string;
  validity: "VALID" | "AMENDED" | "REPEALED" | "EXPIRED";
  replacementItemId?: string;
  signedSteps?: number;
}

export async function seedDisclosures(client: Db): Promise<void> {
  const tStart = Date.now();
  const r: Rnd = rng(20261122);
  const today = civilDateInShanghai(new Date()) < REFERENCE_DATE ? civilDateInShanghai(new Date()) : REFERENCE_DATE;
  const departments = await client.department.findMany({ select: { id: true, code: true, name: true, shortName: true, parentId: true } });
  const deptByCode = new Map(departments.map((d) => [d.code, d]));
  const categories = await client.category.findMany({ select: { id: true, code: true } });
  const catByCode = new Map(categories.map((c) => [c.code, c]));
  const deptCodes = Object.keys(DEPT_CATEGORIES).filter((c) => deptByCode.has(c));
  if (deptCodes.length === 0) return;

  // ---- staff: reuse the demo accounts, add colleagues where a department lacks a role.
  const users = await client.user.findMany({ select: { id: true, displayName: true, roles: true, departmentId: true, username: true } });
  const passwordHash = await cachedHash(DEMO_PASSWORD);
  const staff = new Map<string, Staff>();
  const newUsers: Prisma.UserCreateManyInput[] = [];
  let nameIdx = 0;
  for (const code of deptCodes) {
    const dept = must(deptByCode, code);
    const s = {} as Staff;
    for (const role of ["CLERK", "REVIEWER", "DIRECTOR", "PRINCIPAL"] as const) {
      const existing = users.find((u) => u.departmentId === dept.id && u.roles.length === 1 && u.roles[0] === role);
      if (existing) {
        s[role] = { id: existing.id, name: existing.displayName };
      } else {
        const id = `demo-staff-${code}-${role.toLowerCase()}`;
        const name = cycle(STAFF_NAMES, nameIdx++);
        newUsers.push({
          id,
          username: `s${code.slice(-3)}_${role.toLowerCase()}`,
          displayName: name,
          roles: [role],
          departmentId: dept.id,
          passwordHash,
        });
        s[role] = { id, name };
      }
    }
    staff.set(code, s);
  }
  await client.user.createMany({ data: newUsers, skipDuplicates: true });
  const county = deptByCode.get("002581001");
  const countyPrincipal = county ? (staff.get("002581001")?.PRINCIPAL ?? null) : null;

  // ---- plans
  const plans: Plan[] = [];
  for (let i = 0; i < ITEM_COUNT; i++) {
    const deptCode = pick(r, deptCodes);
    const candidates = (DEPT_CATEGORIES[deptCode] ?? []).filter((c) => catByCode.has(c) && TITLES[c]);
    // Indexed rather than pick(): an empty list yields undefined (skipped) and still draws once.
    const categoryCode = candidates[Math.floor(r() * candidates.length)];
    if (!categoryCode) continue;
    const x = r();
    const state: DisclosureItemState =
      x < 0.58
        ? "PUBLISHED"
        : x < 0.65
          ? "DRAFT"
          : x < 0.71
            ? "PENDING_REVIEW"
            : x < 0.78
              ? "PENDING_SIGNOFF"
              : x < 0.81
                ? "SCHEDULED"
                : x < 0.85
                  ? "WITHHELD"
                  : x < 0.93
                    ? "WITHDRAWN"
                    : "PUBLISHED";
    const pendingNewVersion =
      state === "PUBLISHED" && x >= 0.93 ? pick(r, ["DRAFT", "PENDING_REVIEW", "PENDING_SIGNOFF"] as const) : undefined;
    const t = r();
    const tier: ImportanceTier =
      deptCode === "002581001" ? (t < 0.85 ? "GENERAL" : "MAJOR") : t < 0.8 ? "GENERAL" : t < 0.95 ? "MAJOR" : "CRITICAL";
    const daysAgo =
      state === "DRAFT" || state === "PENDING_REVIEW" || state === "PENDING_SIGNOFF" || state === "SCHEDULED"
        ? Math.floor(r() * 30) + 3
        : Math.floor(r() * 1000) + 40;
    const formedOn = addDays(today, -daysAgo);
    const year = Number(formedOn.slice(0, 4));
    const dept = must(deptByCode, deptCode);
    const title = pick(
      r,
      TITLES[categoryCode] ?? [],
    )({ r, dept: { name: dept.name, short: dept.shortName ?? dept.name, abbr: ABBR[deptCode] ?? "政" }, year, n: i });
    plans.push({
      id: `demo-item-${String(i + 1).padStart(4, "0")}`,
      deptCode,
      categoryCode,
      state,
      withdrawReason: state === "WITHDRAWN" ? pick(r, ["EXPIRED", "EXPIRED", "PUBLISHED_IN_ERROR", "SUPERSEDED"] as const) : undefined,
      pendingNewVersion,
      returnedOnce: r() < 0.25,
      partial: state === "PUBLISHED" && r() < 0.05,
      tier,
      negative: r() < 0.04,
      title,
      formedOn,
      writtenOn: addDays(formedOn, -Math.floor(r() * 4)),
      lateDays: r() < 0.1 ? 21 + Math.floor(r() * 15) : 1 + Math.floor(r() * 18),
      attachment: false,
      validity: "VALID",
    });
  }
  const published = plans.filter((p) => p.state === "PUBLISHED" || p.state === "WITHDRAWN");
  published.forEach((p, i) => {
    if (i % 9 === 0) p.attachment = true;
  });
  // Interpretations (解读) point to a published policy document and take its title.
  const policies = published.filter((p) => p.categoryCode === "A0102" && p.state === "PUBLISHED");
  for (const p of plans.filter((q) => q.categoryCode === "A0103")) {
    const target = policies.length ? pick(r, policies) : undefined;
    if (!target) continue;
    p.interpretsId = target.id;
    const m = /《([^》]+)》/.exec(target.title);
    p.title = `${m ? `《${m[1]}》` : target.title}政策解读`;
  }
  // Replaced documents: some published policies are 已废止/已修改, pointing to a later one.
  for (let i = 0; i + 1 < policies.length; i += 4) {
    const [old, replacement] = policies.slice(i, i + 2);
    if (!old || !replacement) break;
    old.validity = i % 8 === 0 ? "REPEALED" : "AMENDED";
    old.replacedById = replacement.id;
  }
  // Superseded withdrawals point to a published item of the same department.
  for (const p of plans.filter((q) => q.withdrawReason === "SUPERSEDED")) {
    const repl = published.find((q) => q.state === "PUBLISHED" && q.deptCode === p.deptCode && q.id !== p.id);
    if (repl) p.replacementItemId = repl.id;
    else p.withdrawReason = "EXPIRED";
  }
  for (const p of plans.filter((q) => q.state === "PENDING_SIGNOFF")) p.signedSteps = Math.floor(r() * 2);

  // ---- PDFs
  const uploadDir = path.resolve(process.cwd(), process.env.UPLOAD_DIR || ".data/uploads");
  await mkdir(uploadDir, { recursive: true });
  const pdfs = await Promise.all(
    ["Budget statement", "Implementation plan", "Statistical annex", "Project approval", "Annual report"].map((t, i) =>
      makeDemoPdf(`Qingshan County - ${t}`, [`Demo attachment ${i + 1}`, "Generated for the demonstration database."]),
    ),
  );

  // ---- rows
  const items: Prisma.DisclosureItemCreateManyInput[] = [];
  const revisions: Prisma.DisclosureRevisionCreateManyInput[] = [];
  const attachments: Prisma.DisclosureAttachmentCreateManyInput[] = [];
  const revAtts: Prisma.DisclosureRevisionAttachmentCreateManyInput[] = [];
  const reviews: Prisma.DisclosureReviewCreateManyInput[] = [];
  const signatures: Prisma.DisclosureSignatureCreateManyInput[] = [];
  const contributors: Prisma.DisclosureContributorCreateManyInput[] = [];
  const events: Prisma.DisclosureEventCreateManyInput[] = [];
  const pointers: Array<{ id: string; working: string; published: string | null }> = [];
  // Other steps (e.g. structured information) may already have numbered items: continue
  // their series and never reuse a number.
  const counters = new Map<string, number>(
    (await client.disclosureIndexCounter.findMany()).map((c) => [`${c.departmentId}|${c.categoryId}|${c.year}`, c.lastSeq]),
  );
  const takenNumbers = new Set((await client.disclosureItem.findMany({ select: { indexNumber: true } })).map((i) => i.indexNumber));
  const files: Array<{ name: string; bytes: Buffer }> = [];
  let evSeq = 0;
  const ev = (
    itemId: string,
    type: DisclosureEventType,
    who: { id: string; name: string } | null,
    when: Date,
    from: DisclosureItemState | null,
    to: DisclosureItemState | null,
    comment: string | null = null,
  ) =>
    events.push({
      id: `demo-ev-${++evSeq}`,
      itemId,
      type,
      actorId: who?.id ?? null,
      actorName: who?.name ?? "系统（定时发布）",
      fromState: from,
      toState: to,
      comment,
      at: when,
    });

  for (const p of plans) {
    const dept = must(deptByCode, p.deptCode);
    const cat = must(catByCode, p.categoryCode);
    const s = must(staff, p.deptCode);
    const createdAt = at(addWeekdays(p.formedOn, 1), 9, Math.floor(r() * 59));
    const publishedOn = addWeekdays(p.formedOn, p.lateDays);
    const yearOfNumber = Number(civilDateInShanghai(createdAt).slice(0, 4));
    const key = `${dept.id}|${cat.id}|${yearOfNumber}`;
    let seq = counters.get(key) ?? 0;
    let idx: ReturnType<typeof formatIndexNumber>;
    do {
      seq += 1;
      idx = formatIndexNumber({ orgCode: dept.code, categoryCode: cat.code, year: yearOfNumber, seq });
    } while (idx.ok && takenNumbers.has(idx.value));
    counters.set(key, seq);
    if (!idx.ok) continue;
    takenNumbers.add(idx.value);

    // attachments
    const attRefs: AttachmentRef[] = [];
    const attIds: string[] = [];
    if (p.attachment) {
      const bytes = pick(r, pdfs);
      const storageName = `${createHash("sha256").update(`demo-${p.id}`).digest("hex").slice(0, 32)}.pdf`;
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const fileName = `${p.title.slice(0, 30)}（附件）.pdf`;
      const aid = `demo-att-${p.id}`;
      attachments.push({
        id: aid,
        itemId: p.id,
        storageName,
        fileName,
        kind: "PDF",
        mime: "application/pdf",
        size: bytes.length,
        sha256,
        uploadedById: s.CLERK.id,
        createdAt,
      });
      files.push({ name: storageName, bytes });
      attRefs.push({ fileName, sha256, size: bytes.length });
      attIds.push(aid);
    }

    const base: RevisionContent = {
      title: p.title,
      documentNumber: r() < 0.6 ? `青${ABBR[p.deptCode] ?? "政"}〔${p.formedOn.slice(0, 4)}〕${Math.floor(r() * 80) + 1}号` : null,
      categoryId: cat.id,
      writtenOn: p.writtenOn,
      formedOn: p.formedOn,
      summary: `${p.title}。本信息由${dept.name}${pick(r, SECTIONS)}负责解释。`,
      body: bodyFor(r, p.title, dept.name, Number(p.formedOn.slice(0, 4))),
      keywords: KEYWORDS[p.categoryCode] ?? [pick(r, ["政务公开", "通知", "公告", "公示"])],
      disclosureMode: "PROACTIVE",
      disclosureScope: r() < 0.95 ? "PUBLIC" : "SPECIFIC_GROUP",
      validity: p.validity,
      replacedById: p.replacedById ?? null,
      tier: p.tier,
      negative: p.negative,
      responsibleSection: pick(r, SECTIONS),
      responsiblePerson: s.CLERK.name,
      // 解读 links are revision content (in the hash), like on every real save.
      interpretsItemId: p.interpretsId ?? null,
      attachments: attRefs,
    };
    let revNo = 0;
    const addRev = (
      content: RevisionContent,
      author: { id: string },
      when: Date,
      extra: Partial<Prisma.DisclosureRevisionCreateManyInput> = {},
    ) => {
      const id = `${p.id}-r${++revNo}`;
      const hash = revisionHash(content);
      revisions.push({
        id,
        itemId: p.id,
        number: revNo,
        hash,
        content: JSON.parse(JSON.stringify(content)) as Prisma.InputJsonValue,
        title: content.title,
        documentNumber: content.documentNumber,
        categoryId: content.categoryId,
        writtenOn: dbDate(content.writtenOn),
        formedOn: dbDate(content.formedOn),
        summary: content.summary,
        body: content.body,
        keywords: [...content.keywords],
        disclosureMode: content.disclosureMode,
        disclosureScope: content.disclosureScope,
        validity: content.validity,
        replacedById: content.replacedById,
        interpretsItemId: content.interpretsItemId ?? null,
        tier: content.tier,
        negative: content.negative,
        responsibleSection: content.responsibleSection,
        responsiblePerson: content.responsiblePerson,
        authorId: author.id,
        createdAt: when,
        ...extra,
      });
      for (const [i, aid] of attIds.entries()) revAtts.push({ revisionId: id, attachmentId: aid, sortOrder: i });
      return { id, hash };
    };

    // History: create, (return + edit), submit, review, signatures, publish.
    let when = createdAt;
    const step = (hours: number) => (when = new Date(when.getTime() + hours * 3600_000));
    contributors.push({ itemId: p.id, cycle: 0, userId: s.CLERK.id });
    let working = p.returnedOnce
      ? addRev({ ...base, summary: `${base.summary.slice(0, -1)}（初稿）。` }, s.CLERK, when)
      : addRev(base, s.CLERK, when);
    ev(p.id, "CREATE", s.CLERK, when, null, "DRAFT");
    if (p.state === "DRAFT" && !p.returnedOnce) {
      pointers.push({ id: p.id, working: working.id, published: null });
      items.push(itemRow(p, dept.id, idx.value, "DRAFT", createdAt, s.CLERK.id, {}));
      continue;
    }
    ev(p.id, "SUBMIT", s.CLERK, step(2), "DRAFT", "PENDING_REVIEW");
    if (p.returnedOnce) {
      ev(
        p.id,
        "RETURN",
        s.REVIEWER,
        step(20),
        "PENDING_REVIEW",
        "DRAFT",
        pick(r, ["请补充政策依据和联系方式", "内容概述过于简单，请完善", "文号有误，请核对后重新提交", "请删除涉及个人信息的内容"]),
      );
      working = addRev(base, s.CLERK, step(3));
      ev(p.id, "EDIT", s.CLERK, when, "DRAFT", "DRAFT");
      if (p.state === "DRAFT") {
        pointers.push({ id: p.id, working: working.id, published: null });
        items.push(itemRow(p, dept.id, idx.value, "DRAFT", createdAt, s.CLERK.id, { version: 4 }));
        continue;
      }
      ev(p.id, "SUBMIT", s.CLERK, step(1), "DRAFT", "PENDING_REVIEW");
    }
    if (p.state === "PENDING_REVIEW") {
      pointers.push({ id: p.id, working: working.id, published: null });
      items.push(itemRow(p, dept.id, idx.value, p.state, createdAt, s.CLERK.id, { version: 2 }));
      continue;
    }
    if (p.state === "WITHHELD") {
      const decided = step(24);
      reviews.push({
        id: `${p.id}-rv`,
        itemId: p.id,
        cycle: 0,
        reviewerId: s.REVIEWER.id,
        decision: "WITHHOLD",
        revisionId: working.id,
        revisionHash: working.hash,
        exemptions: [pick(r, ["THIRD_PARTY", "PROCESS_INFO", "INTERNAL_AFFAIRS"])],
        comment: "经保密审查，不予公开",
        decidedAt: decided,
      });
      ev(p.id, "REVIEW", s.REVIEWER, decided, "PENDING_REVIEW", "WITHHELD", "经保密审查，不予公开");
      pointers.push({ id: p.id, working: working.id, published: null });
      items.push(
        itemRow(p, dept.id, idx.value, "WITHHELD", createdAt, s.CLERK.id, {
          version: 3,
          reassessmentDueOn: dbDate(addMonths(civilDateInShanghai(decided), 12)),
        }),
      );
      continue;
    }
    // Cleared (optionally partially, with a redacted revision by the reviewer).
    if (p.partial) {
      working = addRev({ ...base, body: `${base.body}<p>（部分内容涉及个人隐私，依法不予公开）</p>` }, s.REVIEWER, step(20), {
        redaction: true,
      });
    }
    reviews.push({
      id: `${p.id}-rv`,
      itemId: p.id,
      cycle: 0,
      reviewerId: s.REVIEWER.id,
      decision: p.partial ? "PARTIAL" : "CLEAR",
      revisionId: working.id,
      revisionHash: working.hash,
      exemptions: p.partial ? ["THIRD_PARTY"] : [],
      comment: "经审查，可以公开",
      decidedAt: step(p.partial ? 1 : 20),
    });
    ev(p.id, "REVIEW", s.REVIEWER, when, "PENDING_REVIEW", "PENDING_SIGNOFF", "经审查，可以公开");

    const plan = buildSignoffSteps({
      tier: p.tier,
      negative: p.negative,
      departmentId: dept.id,
      parentDepartmentId: dept.parentId,
      escalationChain: defaultChain(dept.id, dept.parentId),
    });
    const steps: SignoffStep[] = plan.ok ? plan.steps : [];
    const toSign = p.state === "PENDING_SIGNOFF" ? Math.min(p.signedSteps ?? 0, steps.length - 1) : steps.length;
    for (const st of steps.slice(0, toSign)) {
      const signer = signerFor(st, dept.id, s, countyPrincipal);
      if (!signer) continue;
      signatures.push({
        id: `${p.id}-s${st.stepNo}`,
        itemId: p.id,
        cycle: 0,
        stepNo: st.stepNo,
        role: st.role,
        departmentId: st.departmentId,
        signerId: signer.id,
        revisionId: working.id,
        revisionHash: working.hash,
        comment: "同意公开",
        signedAt: step(6),
      });
      ev(p.id, "SIGN", signer, when, "PENDING_SIGNOFF", "PENDING_SIGNOFF", "同意公开");
    }
    if (p.state === "PENDING_SIGNOFF") {
      pointers.push({ id: p.id, working: working.id, published: null });
      items.push(itemRow(p, dept.id, idx.value, p.state, createdAt, s.CLERK.id, { version: 3 + toSign }));
      continue;
    }
    const lastStep = steps.at(-1);
    ev(p.id, "SIGNOFF_COMPLETE", lastStep ? signerFor(lastStep, dept.id, s, countyPrincipal) : null, when, null, null, "已完成全部签发");
    if (p.state === "SCHEDULED") {
      const scheduledAt = new Date(Date.now() + (1 + Math.floor(r() * 10)) * 86_400_000);
      ev(p.id, "SCHEDULE", s.CLERK, step(1), "PENDING_SIGNOFF", "SCHEDULED");
      pointers.push({ id: p.id, working: working.id, published: null });
      items.push(
        itemRow(p, dept.id, idx.value, "SCHEDULED", createdAt, s.CLERK.id, {
          version: 4 + steps.length,
          scheduledAt,
          scheduledRevisionHash: working.hash,
        }),
      );
      continue;
    }
    // Published.
    const publishedAt = at(publishedOn, 10, Math.floor(r() * 59));
    const liveRevision = revisions.at(-1);
    if (liveRevision) liveRevision.publishedAt = publishedAt;
    ev(p.id, "PUBLISH", s.CLERK, publishedAt, "PENDING_SIGNOFF", "PUBLISHED");
    const live = working;
    const extra: Partial<Prisma.DisclosureItemCreateManyInput> = { firstPublishedAt: publishedAt, publishedAt, version: 4 + steps.length };
    let state: DisclosureItemState = "PUBLISHED";
    if (p.pendingNewVersion) {
      when = new Date(publishedAt.getTime() + 5 * 86_400_000);
      const next = addRev(
        {
          ...base,
          summary: `${base.summary}（修订）`,
          formedOn: civilDateInShanghai(when) <= today ? civilDateInShanghai(when) : base.formedOn,
        },
        s.CLERK,
        when,
      );
      working = next;
      contributors.push({ itemId: p.id, cycle: 1, userId: s.CLERK.id });
      ev(p.id, "EDIT", s.CLERK, when, "PUBLISHED", "DRAFT");
      state = p.pendingNewVersion;
      if (state !== "DRAFT") ev(p.id, "SUBMIT", s.CLERK, step(1), "DRAFT", "PENDING_REVIEW");
      if (state === "PENDING_SIGNOFF") {
        reviews.push({
          id: `${p.id}-rv2`,
          itemId: p.id,
          cycle: 1,
          reviewerId: s.REVIEWER.id,
          decision: "CLEAR",
          revisionId: next.id,
          revisionHash: next.hash,
          exemptions: [],
          comment: "可以公开",
          decidedAt: step(4),
        });
        ev(p.id, "REVIEW", s.REVIEWER, when, "PENDING_REVIEW", "PENDING_SIGNOFF", "可以公开");
      }
      extra.cycle = 1;
    }
    if (p.state === "WITHDRAWN" && p.withdrawReason) {
      const wAt = new Date(publishedAt.getTime() + (10 + Math.floor(r() * 200)) * 86_400_000);
      const reason = p.withdrawReason;
      const note =
        reason === "EXPIRED" ? "该文件有效期已满，自动失效" : reason === "SUPERSEDED" ? "已由新文件替代" : "发布内容有误，已撤回";
      ev(p.id, "WITHDRAW", s.DIRECTOR, wAt, "PUBLISHED", "WITHDRAWN", note);
      Object.assign(extra, {
        withdrawnAt: wAt,
        withdrawalReason: reason,
        withdrawnPage: reason === "PUBLISHED_IN_ERROR" ? "GONE" : reason === "SUPERSEDED" ? "REPLACED" : "NOTICE",
        withdrawalNote: note,
        withdrawnById: s.DIRECTOR.id,
        replacementItemId: p.replacementItemId ?? null,
        version: (extra.version as number) + 1,
      });
      state = "WITHDRAWN";
    }
    pointers.push({ id: p.id, working: working.id, published: live.id });
    items.push(itemRow(p, dept.id, idx.value, state, createdAt, s.CLERK.id, extra));
  }

  const t0 = Date.now();
  await Promise.all(files.map((f) => writeFile(path.join(uploadDir, f.name), f.bytes)));
  await client.$transaction(
    async (tx) => {
      // Items first without links, then revisions (their 解读 links point at items inserted
      // above), then the pointers and replacement links.
      await bulkInsert(
        tx,
        "DisclosureItem",
        items.map((i) => ({ version: 0, cycle: 0, updatedAt: i.createdAt, ...i, replacementItemId: null })),
      );

      await bulkInsert(tx, "DisclosureAttachment", attachments);

      await bulkInsert(
        tx,
        "DisclosureRevision",
        revisions.map((r) => ({ redaction: false, ...r, writtenOn: ymd(r.writtenOn as Date), formedOn: ymd(r.formedOn as Date) })),
      );

      await bulkInsert(tx, "DisclosureRevisionAttachment", revAtts);

      await bulkInsert(tx, "DisclosureReview", reviews);

      await bulkInsert(tx, "DisclosureSignature", signatures);

      await tx.disclosureContributor.createMany({ data: contributors, skipDuplicates: true });

      await bulkInsert(tx, "DisclosureEvent", events);
      const byId = new Map(pointers.map((x) => [x.id, x]));
      const links = items.map((i) => ({
        id: i.id,
        w: must(byId, i.id).working,
        p: must(byId, i.id).published,
        repl: i.replacementItemId ?? null,
      }));
      await tx.$executeRaw`
        UPDATE "DisclosureItem" i SET "workingRevisionId" = v.w, "publishedRevisionId" = v.p,
          "replacementItemId" = v.repl
        FROM (SELECT unnest(${links.map((l) => l.id)}::text[]) AS id, unnest(${links.map((l) => l.w)}::text[]) AS w,
                     unnest(${links.map((l) => l.p)}::text[]) AS p, unnest(${links.map((l) => l.repl)}::text[]) AS repl) v
        WHERE i.id = v.id`;
      const keys = [...counters.keys()].map((k) => k.split("|"));
      await tx.$executeRaw`
        INSERT INTO "DisclosureIndexCounter" ("departmentId", "categoryId", "year", "lastSeq")
        SELECT * FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[], ${keys.map((k) => Number(k[2]))}::int[], ${[...counters.values()]}::int[])
        ON CONFLICT ("departmentId", "categoryId", "year") DO UPDATE SET "lastSeq" = GREATEST("DisclosureIndexCounter"."lastSeq", EXCLUDED."lastSeq")`;
    },
    { timeout: 60_000 },
  );
  const t1 = Date.now();
  // Search documents for everything the public can see (the search module's own rebuild).
  const { reindexAllSearchDocuments } = await import("@/lib/search/reindex");
  await reindexAllSearchDocuments(client, { batch: 25 });
  if (process.env.SEED_TIMING)
    console.info(`seed-disclosures: build ${t0 - tStart} ms, insert ${t1 - t0} ms, search ${Date.now() - t1} ms`);
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One statement per table: the rows travel as a single JSON parameter and Postgres expands
 * them (jsonb_populate_recordset). Every NOT NULL column must be present — column defaults
 * do not apply to NULLs produced for missing keys.
 */
async function bulkInsert(tx: Tx, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
    JSON.stringify(rows),
  );
}

function defaultChain(departmentId: string, parentId: string | null) {
  const chain = [
    { departmentId, role: "DIRECTOR" as const },
    { departmentId, role: "PRINCIPAL" as const },
  ];
  return parentId ? [...chain, { departmentId: parentId, role: "PRINCIPAL" as const }] : chain;
}

function signerFor(step: SignoffStep, deptId: string, s: Staff, countyPrincipal: { id: string; name: string } | null) {
  if (step.departmentId === deptId) return step.role === "PRINCIPAL" ? s.PRINCIPAL : s.DIRECTOR;
  return step.role === "PRINCIPAL" ? countyPrincipal : null;
}

function itemRow(
  p: Plan,
  departmentId: string,
  indexNumber: string,
  state: DisclosureItemState,
  createdAt: Date,
  createdById: string,
  extra: Partial<Prisma.DisclosureItemCreateManyInput>,
): Prisma.DisclosureItemCreateManyInput {
  return {
    id: p.id,
    departmentId,
    indexNumber,
    state,
    createdById,
    createdAt,
    ...extra,
  };
}
