import type { StructuredKind } from "@/lib/generated/prisma/enums";

/** URL slug → kind for the generic structured admin pages (fees have their own pages). */
export const SLUG_KINDS: Record<string, { kind: StructuredKind; label: string; publicHref: (itemId: string, deptId: string) => string }> = {
  functions: { kind: "DEPARTMENT_PROFILE", label: "机构职能", publicHref: (_i, d) => `/xxgk/functions/${d}` },
  leaders: { kind: "LEADER", label: "领导分工", publicHref: (_i, d) => `/xxgk/leaders/${d}` },
  services: { kind: "SERVICE", label: "办事指南", publicHref: (i) => `/xxgk/services/${i}` },
  guide: { kind: "GUIDE", label: "政府信息公开指南", publicHref: () => `/xxgk/guide` },
};
