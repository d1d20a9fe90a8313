// Read side for the staff pages. Every query is scoped to the user's departments
// (their own and those below it); anything outside answers 404.

import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import type { DisclosureItemState } from "@/lib/generated/prisma/enums";
import { fromDbDate } from "./content";
import { hasGrant, staffActorOf } from "./rules/actor";
import { checkReviewerIndependence, checkSignerIndependence, type ApprovalParticipation } from "./rules/separation-of-duties";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { nextStep, validSignatures, type SignoffStep } from "./rules/signoff-chain";
import { itemTimeliness } from "./rules/timeliness";
import type { ImportanceTier } from "./rules/validity";
import { signoffPlanFor } from "./signoff-config";
import { loadWorkingDayCounter } from "./working-days";
import type { WorkingDayCounter } from "./rules/timeliness";

const LIST_SELECT = {
  id: true,
  indexNumber: true,
  state: true,
  version: true,
  cycle: true,
  departmentId: true,
  publishedAt: true,
  firstPublishedAt: true,
  scheduledAt: true,
  reassessmentDueOn: true,
  referralNote: true,
  updatedAt: true,
  publishedRevisionId: true,
  workingRevision: { select: { id: true, hash: true, title: true, tier: true, negative: true, formedOn: true, categoryId: true } },
  publishedRevision: { select: { formedOn: true, publishedAt: true } },
} as const;

export type ListedItem = Awaited<ReturnType<typeof listItems>>["items"][number];

export interface ListFilter {
  states?: DisclosureItemState[];
  q?: string;
  departmentId?: string;
  createdById?: string;
  /** 我的草稿: items this user created or whose working revision they wrote (a new version, a re-edit). */
  draftsOf?: string;
  /** Only items past the Art. 26 limit (published late, or unpublished and overdue). */
  late?: boolean;
  page?: number;
  pageSize?: number;
}

export async function listItems(user: SessionUser, f: ListFilter = {}) {
  const scope = await departmentScope(user);
  const where = {
    departmentId: f.departmentId && scope.includes(f.departmentId) ? f.departmentId : { in: scope },
    ...(f.states ? { state: { in: f.states } } : {}),
    ...(f.createdById ? { createdById: f.createdById } : {}),
    AND: [
      ...(f.q ? [{ OR: [{ workingRevision: { title: { contains: f.q } } }, { indexNumber: { contains: f.q } }] }] : []),
      ...(f.draftsOf ? [{ OR: [{ createdById: f.draftsOf }, { workingRevision: { authorId: f.draftsOf } }] }] : []),
    ],
  };
  const pageSize = f.pageSize ?? 20;
  const page = Math.max(1, f.page ?? 1);
  if (f.late) {
    // Derived, not stored: compute over the candidates (a county has thousands, not millions).
    const wd = await loadWorkingDayCounter();
    const all = (
      await db().disclosureItem.findMany({
        where: { ...where, state: { notIn: ["WITHHELD", "WITHDRAWN"] } },
        select: LIST_SELECT,
        orderBy: { updatedAt: "desc" },
      })
    )
      .map((i) => withTimeliness(i, wd))
      .filter((i) => i.timeliness?.late);
    return { total: all.length, page, pageSize, items: all.slice((page - 1) * pageSize, page * pageSize) };
  }
  const [total, items] = await Promise.all([
    db().disclosureItem.count({ where }),
    db().disclosureItem.findMany({
      where,
      select: LIST_SELECT,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const wd = await loadWorkingDayCounter();
  return { total, page, pageSize, items: items.map((i) => withTimeliness(i, wd)) };
}

type TimelinessFacts = {
  state: string;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  workingRevision: { formedOn: Date } | null;
  publishedRevision: { formedOn: Date; publishedAt: Date | null } | null;
};

/** The Art. 26 figure of an item (rules/timeliness.ts `itemTimeliness`), from its rows. */
export function timelinessOf(it: TimelinessFacts, workingDays: WorkingDayCounter, now = new Date()) {
  const today = civilDateInShanghai(now);
  const pub = it.publishedRevision;
  const publishedAt = pub?.publishedAt ?? it.publishedAt ?? it.firstPublishedAt;
  return itemTimeliness({
    state: it.state,
    workingFormedOn: it.workingRevision ? fromDbDate(it.workingRevision.formedOn) : today,
    published: pub && publishedAt ? { formedOn: fromDbDate(pub.formedOn), publishedOn: civilDateInShanghai(publishedAt) } : null,
    pendingVersion: pub !== null && ["DRAFT", "PENDING_REVIEW", "PENDING_SIGNOFF", "SCHEDULED"].includes(it.state),
    today,
    workingDays,
  });
}

function withTimeliness<T extends TimelinessFacts>(it: T, workingDays: WorkingDayCounter) {
  return { ...it, timeliness: timelinessOf(it, workingDays) };
}

/** Next sign-off step of each PENDING_SIGNOFF item (null when fully signed). */
async function nextSteps(
  items: Array<{
    id: string;
    cycle: number;
    departmentId: string;
    workingRevision: { hash: string; tier: string; negative: boolean } | null;
  }>,
) {
  const sigs = await db().disclosureSignature.findMany({
    where: { itemId: { in: items.map((i) => i.id) } },
    select: { itemId: true, cycle: true, stepNo: true, role: true, departmentId: true, revisionHash: true },
  });
  const plans = new Map<string, Awaited<ReturnType<typeof signoffPlanFor>>>();
  const out = new Map<string, SignoffStep | null>();
  for (const it of items) {
    if (!it.workingRevision) continue;
    const key = `${it.departmentId}|${it.workingRevision.tier}|${it.workingRevision.negative}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = await signoffPlanFor(db(), it.departmentId, it.workingRevision.tier as ImportanceTier, it.workingRevision.negative);
      plans.set(key, plan);
    }
    if (!plan.ok) continue;
    const mine = sigs.filter((s) => s.itemId === it.id && s.cycle === it.cycle);
    out.set(it.id, nextStep(plan.steps, validSignatures(mine, it.workingRevision.hash)));
  }
  return out;
}

/**
 * Who took part in each item, as the separation-of-duties rules see it (workflow-facts.ts
 * loads the same for one item): authors and submitters of every cycle, reviewers and
 * signers of the current cycle.
 */
/** participationOf answers for every item it was given; a miss is a bug, not a permission. */
function factsOf(facts: ReadonlyMap<string, ApprovalParticipation>, itemId: string): ApprovalParticipation {
  const f = facts.get(itemId);
  if (f === undefined) throw new Error(`No participation facts loaded for disclosure item ${itemId}`);
  return f;
}

async function participationOf(items: Array<{ id: string; cycle: number }>): Promise<Map<string, ApprovalParticipation>> {
  const ids = items.map((i) => i.id);
  const out = new Map<string, ApprovalParticipation>();
  if (ids.length === 0) return out;
  const [contributors, reviews, signatures] = await Promise.all([
    db().disclosureContributor.findMany({ where: { itemId: { in: ids } }, select: { itemId: true, userId: true } }),
    db().disclosureReview.findMany({ where: { itemId: { in: ids } }, select: { itemId: true, cycle: true, reviewerId: true } }),
    db().disclosureSignature.findMany({
      where: { itemId: { in: ids } },
      select: { itemId: true, cycle: true, signerId: true, stepNo: true, role: true, departmentId: true },
    }),
  ]);
  for (const it of items) {
    out.set(it.id, {
      contributorIds: contributors.filter((c) => c.itemId === it.id).map((c) => c.userId),
      reviews: reviews.filter((r) => r.itemId === it.id && r.cycle === it.cycle),
      signatures: signatures.filter((x) => x.itemId === it.id && x.cycle === it.cycle),
    });
  }
  return out;
}

/**
 * The user's work queue: reviews for REVIEWERs, the next sign-off step for leaders,
 * signed items awaiting publication and returned drafts for CLERKs. Items the user may not
 * review or sign because they took part in them (separation of duties) are left out, so
 * the count badge only counts what the user can act on.
 */
export async function workQueue(user: SessionUser) {
  const scope = await departmentScope(user);
  const actor = staffActorOf(user);
  const roles = new Set(user.roles);
  const reviewCandidates = roles.has("REVIEWER")
    ? await db().disclosureItem.findMany({
        where: { departmentId: user.departmentId, state: "PENDING_REVIEW" },
        select: LIST_SELECT,
        orderBy: { updatedAt: "asc" },
      })
    : [];
  const reviewFacts = await participationOf(reviewCandidates);
  const review = reviewCandidates.filter((it) => checkReviewerIndependence(user.id, factsOf(reviewFacts, it.id)).ok);
  let sign: typeof review = [];
  let toPublish: typeof review = [];
  if (roles.has("DIRECTOR") || roles.has("PRINCIPAL") || roles.has("CLERK")) {
    const pending = await db().disclosureItem.findMany({
      where: { departmentId: { in: scope }, state: "PENDING_SIGNOFF" },
      select: LIST_SELECT,
      orderBy: { updatedAt: "asc" },
    });
    const steps = await nextSteps(pending);
    const mine = pending.flatMap((it) => {
      const step = steps.get(it.id);
      return step && hasGrant(actor, step.role, step.departmentId) ? [{ it, step }] : [];
    });
    const signFacts = await participationOf(mine.map((m) => m.it));
    sign = mine.filter(({ it, step }) => checkSignerIndependence(user.id, step, factsOf(signFacts, it.id)).ok).map((m) => m.it);
    toPublish = roles.has("CLERK") ? pending.filter((it) => it.departmentId === user.departmentId && steps.get(it.id) === null) : [];
  }
  const returned = roles.has("CLERK")
    ? await db().disclosureItem.findMany({
        where: { departmentId: user.departmentId, state: "DRAFT", events: { some: { type: "RETURN" } } },
        select: { ...LIST_SELECT, events: { orderBy: { at: "desc" }, take: 1, select: { type: true } } },
        orderBy: { updatedAt: "desc" },
        take: 50,
      })
    : [];
  // Still waiting for the clerk: nothing has happened since the return (one query, no N+1).
  const returnedNow = returned.filter((it) => it.events[0]?.type === "RETURN").map(({ events: _e, ...it }) => it);
  const wd = await loadWorkingDayCounter();
  const t = <T extends Parameters<typeof withTimeliness>[0]>(list: T[]) => list.map((i) => withTimeliness(i, wd));
  return {
    review: t(review),
    sign: t(sign),
    toPublish: t(toPublish),
    returned: t(returnedNow),
    count: review.length + sign.length + toPublish.length + returnedNow.length,
  };
}

export async function workQueueCount(user: SessionUser): Promise<number> {
  try {
    return (await workQueue(user)).count;
  } catch {
    return 0;
  }
}

export async function withheldItems(user: SessionUser) {
  const scope = await departmentScope(user);
  const items = await db().disclosureItem.findMany({
    where: { departmentId: { in: scope }, state: "WITHHELD" },
    select: {
      ...LIST_SELECT,
      reviews: {
        where: { decision: "WITHHOLD" },
        orderBy: { decidedAt: "desc" },
        take: 1,
        select: { exemptions: true, comment: true, decidedAt: true, reviewerId: true },
      },
    },
    orderBy: { reassessmentDueOn: "asc" },
  });
  return items;
}

/** The item with everything the item page shows; 404 outside the user's scope. */
export async function getItemForStaff(user: SessionUser, itemId: string) {
  const scope = await departmentScope(user);
  const linked = { select: { id: true, indexNumber: true, workingRevision: { select: { title: true } } } } as const;
  const item = await db().disclosureItem.findFirst({
    where: { id: itemId, departmentId: { in: scope } },
    include: {
      workingRevision: {
        include: {
          attachments: { include: { attachment: true }, orderBy: { sortOrder: "asc" } },
          interpretsItem: linked,
        },
      },
      publishedRevision: { select: { id: true, number: true, hash: true, title: true, publishedAt: true, formedOn: true } },
      events: { orderBy: { at: "asc" } },
      reviews: { orderBy: { decidedAt: "asc" } },
      signatures: { orderBy: { signedAt: "asc" } },
      replacementItem: linked,
    },
  });
  if (!item) throw new NotFoundError("未找到该信息，或您无权查看");
  // The column is nullable only so the item and its first revision can reference each other;
  // every saved item has a working revision.
  const { workingRevision } = item;
  if (!workingRevision) throw new Error(`Disclosure item ${itemId} has no working revision`);
  // The 解读 link is revision content: staff see the working revision's link (what is being
  // edited and approved), and the items whose working or published revision interprets this one.
  const interpretations = await db().disclosureItem.findMany({
    where: {
      OR: [{ workingRevision: { is: { interpretsItemId: itemId } } }, { publishedRevision: { is: { interpretsItemId: itemId } } }],
    },
    ...linked,
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  return { ...item, workingRevision, interpretsItem: workingRevision.interpretsItem, interpretations };
}

/** An attachment of an item in the user's scope, whatever the item's state. */
export async function getAttachmentForStaff(user: SessionUser, attachmentId: string) {
  const scope = await departmentScope(user);
  const a = await db().disclosureAttachment.findFirst({ where: { id: attachmentId, item: { departmentId: { in: scope } } } });
  if (!a) throw new NotFoundError("未找到该附件，或您无权下载");
  return a;
}

export async function revisionsOf(user: SessionUser, itemId: string) {
  const scope = await departmentScope(user);
  const item = await db().disclosureItem.findFirst({ where: { id: itemId, departmentId: { in: scope } }, select: { id: true } });
  if (!item) throw new NotFoundError("未找到该信息，或您无权查看");
  return db().disclosureRevision.findMany({
    where: { itemId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      hash: true,
      content: true,
      interpretsItemId: true,
      authorId: true,
      createdAt: true,
      redaction: true,
      publishedAt: true,
      discardedAt: true,
      title: true,
    },
  });
}
