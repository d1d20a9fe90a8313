// Revisions: a content hash that approvals are bound to, and a side-by-side diff for
// reviewers.
//
// Revisions are immutable; every approval (confidentiality review, each signature)
// records the hash of the revision it approved. The hash covers every field an approver
// is vouching for — including the tier and the 负面信息 flag, because they decide who
// must sign: were they outside the hash, downgrading MAJOR to GENERAL after the director
// signed would skip the principal leader with the director's signature still "valid".

import { canonicalHash } from "@/lib/law/canonical-json";
import { diffArrays, diffWords } from "diff";
import { htmlToTextLines } from "./html-text";
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  IMPORTANCE_TIER_LABELS,
  ITEM_FIELD_LABELS,
  VALIDITY_LABELS,
  type DisclosureMode,
  type DisclosureScope,
  type ImportanceTier,
  type Validity,
} from "./validity";

export interface AttachmentRef {
  fileName: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  size: number;
}

/** The approvable content of a revision: the item form's fields plus attachments. */
export interface RevisionContent {
  title: string;
  documentNumber: string | null;
  categoryId: string;
  writtenOn: string;
  formedOn: string;
  summary: string;
  /** Sanitized HTML (sanitize.ts). */
  body: string;
  keywords: readonly string[];
  disclosureMode: DisclosureMode;
  disclosureScope: DisclosureScope;
  validity: Validity;
  replacedById: string | null;
  tier: ImportanceTier;
  negative: boolean;
  responsibleSection: string;
  responsiblePerson: string;
  /**
   * 解读: the item this one interprets, or null. Approvers vouch for it like for any other
   * field — it puts the item on another item's public page. Optional because revisions
   * saved before it was part of the content do not have it (lib/disclosure/content.ts
   * `contentOf` fills it in from the revision's column).
   */
  interpretsItemId?: string | null;
  attachments: readonly AttachmentRef[];
}

export const REVISION_CONTENT_FIELDS = [
  ...(Object.keys(ITEM_FIELD_LABELS) as (keyof typeof ITEM_FIELD_LABELS)[]),
  "interpretsItemId",
  "attachments",
] as const satisfies readonly (keyof RevisionContent)[];
export type RevisionField = (typeof REVISION_CONTENT_FIELDS)[number];

export const REVISION_FIELD_LABELS: Readonly<Record<RevisionField, string>> = {
  ...ITEM_FIELD_LABELS,
  interpretsItemId: "所解读的信息",
  attachments: "附件",
};

// ---------------------------------------------------------------------------------------
// The hash (canonical JSON: lib/law/canonical-json.ts, shared with the reply signatures)
// ---------------------------------------------------------------------------------------

// Domain separation: a hash of some other JSON can never collide with a revision hash,
// and a future change to the field list can bump the version deliberately.
const HASH_DOMAIN = "gov-disclosure/revision/v1\n";

/**
 * Fields added to the content after v1 approvals were recorded. They enter the hashed JSON
 * only when set: content without them hashes exactly as under v1, so adding a field never
 * voids an approval already given (bumping HASH_DOMAIN would void every one of them), while
 * setting or changing the field changes the hash like any other edit. Null and absent are
 * the same value ("no link").
 */
const HASHED_ONLY_WHEN_SET: ReadonlySet<RevisionField> = new Set(["interpretsItemId"]);

/**
 * sha256 (hex) over the canonical JSON of the content fields only. Extra properties on
 * the argument (id, authorId, createdAt …) are ignored, so passing a database row works
 * and bookkeeping never invalidates approvals.
 */
export function revisionHash(content: RevisionContent): string {
  const picked: Record<string, unknown> = {};
  for (const field of REVISION_CONTENT_FIELDS) {
    const value = content[field];
    if (HASHED_ONLY_WHEN_SET.has(field) && (value === null || value === undefined)) continue;
    picked[field] =
      field === "attachments"
        ? content.attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256.toLowerCase(), size: a.size }))
        : (value ?? null);
  }
  return canonicalHash(HASH_DOMAIN, picked);
}

// ---------------------------------------------------------------------------------------
// Side-by-side diff
// ---------------------------------------------------------------------------------------

/** A run of text in one column; "removed" appears only on the left, "added" only on the right. */
export interface DiffSegment {
  text: string;
  op: "equal" | "removed" | "added";
}

export interface DiffCell {
  /** 1-based line (or list entry) number within that side. */
  lineNo: number;
  segments: DiffSegment[];
}

/**
 * One row of the two-column view. "changed" rows pair a removed line with the added line
 * that replaced it and mark the changed words inside; "removed"/"added" rows have an
 * empty cell on the other side.
 */
export interface DiffRow {
  kind: "equal" | "changed" | "removed" | "added";
  left: DiffCell | null;
  right: DiffCell | null;
}

export interface FieldDiff {
  field: RevisionField;
  label: string;
  changed: boolean;
  rows: DiffRow[];
}

export interface RevisionDiff {
  changed: boolean;
  changedFields: RevisionField[];
  /** Every field in form order, unchanged ones included, so a page can show the whole item. */
  fields: FieldDiff[];
}

export interface DiffOptions {
  /** Display names for ids, e.g. the category's name; the raw id is shown otherwise. */
  describeCategory?: (categoryId: string) => string;
  describeItem?: (itemId: string) => string;
}

// Chinese has no spaces between words; ICU's dictionary segmenter gives word-sized marks
// ("要点" → "计划") instead of marking a whole sentence as changed.
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "word" }) : undefined;

export function diffRevisions(before: RevisionContent, after: RevisionContent, options: DiffOptions = {}): RevisionDiff {
  const fields = REVISION_CONTENT_FIELDS.map((field): FieldDiff => {
    const rows = diffLineLists(toLines(field, before, options), toLines(field, after, options), {
      inline: PROSE_FIELDS.has(field),
      keyOf: field === "attachments" ? attachmentKey(before, after) : undefined,
    });
    return { field, label: REVISION_FIELD_LABELS[field], changed: rows.some((r) => r.kind !== "equal"), rows };
  });
  const changedFields = fields.filter((f) => f.changed).map((f) => f.field);
  return { changed: changedFields.length > 0, changedFields, fields };
}

// Prose gets word-level marks inside a changed line; values (dates, enums, ids, keywords,
// files) are atomic — "一般信息 → 重大信息" is one replaced value, not a changed word.
const PROSE_FIELDS: ReadonlySet<RevisionField> = new Set([
  "title",
  "documentNumber",
  "summary",
  "body",
  "responsibleSection",
  "responsiblePerson",
]);

/** Each field as the lines a reader would compare; enums and flags in Chinese. */
function toLines(field: RevisionField, c: RevisionContent, o: DiffOptions): string[] {
  switch (field) {
    case "body":
      return htmlToTextLines(c.body);
    case "summary":
    case "title":
    case "responsibleSection":
    case "responsiblePerson":
      return c[field].split(/\r?\n/).filter((l) => l.trim().length > 0);
    case "documentNumber":
      return c.documentNumber ? [c.documentNumber] : [];
    case "writtenOn":
    case "formedOn":
      return [c[field]];
    case "categoryId":
      return [o.describeCategory ? o.describeCategory(c.categoryId) : c.categoryId];
    case "replacedById":
      return c.replacedById ? [o.describeItem ? o.describeItem(c.replacedById) : c.replacedById] : [];
    case "interpretsItemId":
      return c.interpretsItemId ? [o.describeItem ? o.describeItem(c.interpretsItemId) : c.interpretsItemId] : [];
    case "keywords":
      return [...c.keywords];
    case "disclosureMode":
      return [DISCLOSURE_MODE_LABELS[c.disclosureMode]];
    case "disclosureScope":
      return [DISCLOSURE_SCOPE_LABELS[c.disclosureScope]];
    case "validity":
      return [VALIDITY_LABELS[c.validity]];
    case "tier":
      return [IMPORTANCE_TIER_LABELS[c.tier]];
    case "negative":
      return [c.negative ? "是" : "否"];
    case "attachments":
      return c.attachments.map(describeAttachment);
  }
}

function describeAttachment(a: AttachmentRef): string {
  return `${a.fileName}（${formatSize(a.size)}，校验码 ${a.sha256.slice(0, 12).toLowerCase()}）`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Attachments are the same file when name and full hash agree; the displayed text only
// carries a hash prefix, so compare on the full identity instead.
function attachmentKey(before: RevisionContent, after: RevisionContent): (line: string) => string {
  const keys = new Map<string, string>();
  for (const a of [...before.attachments, ...after.attachments]) {
    keys.set(describeAttachment(a), `${a.fileName}\u0000${a.sha256.toLowerCase()}\u0000${a.size}`);
  }
  return (line) => keys.get(line) ?? line;
}

function diffLineLists(
  left: string[],
  right: string[],
  { inline, keyOf }: { inline: boolean; keyOf?: (line: string) => string },
): DiffRow[] {
  const changes = keyOf
    ? diffArrays(left, right, { comparator: (a: string, b: string) => keyOf(a) === keyOf(b) })
    : diffArrays(left, right);
  const rows: DiffRow[] = [];
  let l = 0;
  let r = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change) continue;
    if (!change.added && !change.removed) {
      for (const line of change.value) {
        rows.push({
          kind: "equal",
          left: cell(++l, [{ text: left[l - 1] ?? line, op: "equal" }]),
          right: cell(++r, [{ text: line, op: "equal" }]),
        });
      }
      continue;
    }
    // A removal directly followed by an addition is a replacement: pair the lines so the
    // reader sees old and new side by side with the changed words marked.
    const removed = change.removed ? change.value : [];
    const next = changes[i + 1];
    const added = change.removed && next?.added ? (i++, next.value) : change.added ? change.value : [];
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const was = removed[k];
      const now = added[k];
      if (was !== undefined && now !== undefined) {
        const { leftSegments, rightSegments } = inline
          ? inlineDiff(was, now)
          : { leftSegments: [seg(was, "removed")], rightSegments: [seg(now, "added")] };
        rows.push({ kind: "changed", left: cell(++l, leftSegments), right: cell(++r, rightSegments) });
      } else if (was !== undefined) {
        rows.push({ kind: "removed", left: cell(++l, [{ text: was, op: "removed" }]), right: null });
      } else if (now !== undefined) {
        rows.push({ kind: "added", left: null, right: cell(++r, [{ text: now, op: "added" }]) });
      }
    }
  }
  return rows;
}

function seg(text: string, op: DiffSegment["op"]): DiffSegment {
  return { text, op };
}

function cell(lineNo: number, segments: DiffSegment[]): DiffCell {
  return { lineNo, segments };
}

function inlineDiff(before: string, after: string): { leftSegments: DiffSegment[]; rightSegments: DiffSegment[] } {
  const leftSegments: DiffSegment[] = [];
  const rightSegments: DiffSegment[] = [];
  for (const part of diffWords(before, after, segmenter ? { intlSegmenter: segmenter } : {})) {
    if (part.removed) leftSegments.push({ text: part.value, op: "removed" });
    else if (part.added) rightSegments.push({ text: part.value, op: "added" });
    else {
      leftSegments.push({ text: part.value, op: "equal" });
      rightSegments.push({ text: part.value, op: "equal" });
    }
  }
  return { leftSegments, rightSegments };
}
