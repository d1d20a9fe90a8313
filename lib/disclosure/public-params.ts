// Query parameters of the public catalogue (pages and the open API), keyset cursors and
// the visibility rule of the public side. Pure, no I/O.

import { z } from "zod";
import { zodFieldErrors, type FieldErrors } from "@/lib/errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deepest page number accepted; beyond it, clients must follow cursors. */
export const MAX_PAGE = 100_000;

// ---------------------------------------------------------------------------------------
// Keyset cursor: "<publishedAt epoch ms>.<item id>" — URL-safe, readable, no secrets.
// ---------------------------------------------------------------------------------------

export type Cursor = { publishedAt: Date; id: string };

const CURSOR_RE = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(c: Cursor): string {
  return `${c.publishedAt.getTime()}.${c.id}`;
}

export function decodeCursor(s: string): Cursor | null {
  const m = CURSOR_RE.exec(s);
  if (!m) return null;
  const ms = Number(m[1]);
  const id = m[2];
  if (!Number.isSafeInteger(ms) || id === undefined) return null;
  return { publishedAt: new Date(ms), id };
}

// ---------------------------------------------------------------------------------------
// The list query (shared by /xxgk/catalog/{code}, /xxgk/departments/{id} and the API)
// ---------------------------------------------------------------------------------------

/** An empty form field ("全部") or a repeated parameter: take the first, "" means absent. */
const first = (v: unknown) => {
  const x: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof x === "string" && x.trim() === "" ? undefined : x;
};

const code = (label: string) =>
  z.preprocess(
    first,
    z
      .string({ error: `${label}格式不正确` })
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: `${label}格式不正确` })
      .optional(),
  );

const intParam = (label: string, min: number, max: number, message: string) =>
  z.preprocess(
    first,
    z
      .string({ error: `${label}必须是整数` })
      .trim()
      .regex(/^\d{1,9}$/, { error: `${label}必须是整数` })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
      .optional(),
  );

const cursorParam = (label: string) =>
  z.preprocess(
    first,
    z
      .string({ error: `${label}格式不正确` })
      .trim()
      .transform((s, ctx) => {
        const cursor = decodeCursor(s);
        if (cursor === null) {
          ctx.addIssue({ code: "custom", message: `${label}格式不正确` });
          return z.NEVER;
        }
        return cursor;
      })
      .optional(),
  );

export const listQuerySchema = z
  .object({
    /** 主题分类 code; a category includes its descendants. */
    category: code("主题分类代码"),
    /** 发布机构 code. */
    department: code("发布机构代码"),
    /** 发布年份 (Asia/Shanghai). */
    year: intParam("年份", 1949, 2100, "年份应在1949至2100之间"),
    page: intParam("页码", 1, MAX_PAGE, `页码应为1至${MAX_PAGE}之间的整数`),
    pageSize: intParam("每页条数", 1, MAX_PAGE_SIZE, `每页条数应为1至${MAX_PAGE_SIZE}之间的整数`),
    /** Keyset cursor: the rows after (older than) this one. */
    after: cursorParam("分页游标"),
    /** Keyset cursor: the rows before (newer than) this one. */
    before: cursorParam("分页游标"),
    /** Full-text query: handled by search (lib/search), not by the catalogue. */
    q: z.preprocess(first, z.string({ error: "检索词格式不正确" }).trim().max(100, { error: "检索词不能超过100字" }).optional()),
  })
  .refine((v) => !(v.after && v.before), { error: "after 与 before 不能同时使用", path: ["after"] });

export type ListQuery = {
  category?: string;
  department?: string;
  year?: number;
  page: number;
  pageSize: number;
  after?: Cursor;
  before?: Cursor;
  q?: string;
};

export type ParsedList = { ok: true; query: ListQuery } | { ok: false; error: string; fieldErrors: FieldErrors };

/** Parses URLSearchParams or Next's searchParams object. Unknown parameters are ignored. */
export function parseListQuery(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
  defaults: { pageSize?: number } = {},
): ParsedList {
  const obj: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) obj[key] = input.getAll(key);
  } else {
    Object.assign(obj, input);
  }
  const r = listQuerySchema.safeParse(obj);
  if (!r.success) return { ok: false, error: "查询参数有误", fieldErrors: zodFieldErrors(r.error) };
  const v = r.data;
  return {
    ok: true,
    query: {
      category: v.category,
      department: v.department,
      year: v.year,
      page: v.page ?? 1,
      pageSize: v.pageSize ?? defaults.pageSize ?? DEFAULT_PAGE_SIZE,
      after: v.after,
      before: v.before,
      q: v.q || undefined,
    },
  };
}

/** [start, end) of a calendar year in China (UTC+8, no daylight saving). */
export function chinaYearRange(year: number): { from: Date; to: Date } {
  const offset = 8 * 3600_000;
  return { from: new Date(Date.UTC(year, 0, 1) - offset), to: new Date(Date.UTC(year + 1, 0, 1) - offset) };
}

/**
 * How to fetch page `page` of `total` rows (newest first) without scanning from the top:
 * an offset from the nearer end. Null when the page lies beyond the end.
 */
export function pageWindow(page: number, pageSize: number, total: number): { order: "desc" | "asc"; offset: number; limit: number } | null {
  const start = (page - 1) * pageSize;
  if (start >= total) return null;
  const end = Math.min(start + pageSize, total);
  const fromEnd = total - end;
  if (start <= fromEnd) return { order: "desc", offset: start, limit: end - start };
  return { order: "asc", offset: fromEnd, limit: end - start };
}

// ---------------------------------------------------------------------------------------
// Visibility of one item (lib/disclosure/rules/workflow-model.ts WITHDRAWN_PAGE_BEHAVIOUR)
// ---------------------------------------------------------------------------------------

/**
 * HIDDEN   — never published (draft, pending, scheduled, withheld): 404, as if it did not exist;
 * GONE     — withdrawn as 发布错误: 410, content and attachments no longer served;
 * REPLACED — withdrawn as 已被替代: a short page pointing to the replacement;
 * NOTICE   — withdrawn as 已失效/废止: the page stays, with a notice;
 * LIVE     — the published revision is shown (also while a new version is in the workflow).
 */
export type PublicView = "HIDDEN" | "GONE" | "REPLACED" | "NOTICE" | "LIVE";

export function publicViewOf(row: {
  state: string;
  publishedRevisionId: string | null;
  firstPublishedAt: Date | null;
  withdrawnPage: string | null;
}): PublicView {
  if (!row.publishedRevisionId || !row.firstPublishedAt) return "HIDDEN";
  if (row.state !== "WITHDRAWN") return "LIVE";
  if (row.withdrawnPage === "NOTICE") return "NOTICE";
  if (row.withdrawnPage === "REPLACED") return "REPLACED";
  return "GONE";
}

// ---------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------

export const itemPath = (id: string) => `/xxgk/items/${encodeURIComponent(id)}`;
export const attachmentPath = (itemId: string, attachmentId: string) =>
  `/xxgk/items/${encodeURIComponent(itemId)}/files/${encodeURIComponent(attachmentId)}`;
export const itemGonePath = (id: string) => `/xxgk/items/${encodeURIComponent(id)}/gone`;
