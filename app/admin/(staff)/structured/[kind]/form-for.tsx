import {
  StructuredGuideForm,
  StructuredLeaderForm,
  StructuredProfileForm,
  StructuredServiceForm,
} from "@/components/admin/structured-forms";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { departmentOptionsFor, listForStaff } from "@/lib/structured/admin-queries";
import { formDataOf } from "@/lib/structured/kinds";
import { governmentOf } from "@/lib/structured/rules/leader";

/** The right form for a kind, with the options it needs. */
export async function FormFor({
  user,
  kind,
  data,
  itemId,
  baseRevisionId,
  submitLabel,
}: {
  user: SessionUser;
  kind: StructuredKind;
  data: unknown;
  itemId?: string;
  baseRevisionId?: string;
  submitLabel: string;
}) {
  const departments = await departmentOptionsFor(user);
  const c = { itemId, baseRevisionId, submitLabel };
  switch (kind) {
    case "DEPARTMENT_PROFILE":
      return <StructuredProfileForm {...c} departments={departments} data={formDataOf(kind, data)} />;
    case "LEADER": {
      const all = await db().department.findMany({
        select: { id: true, name: true, parentId: true, kind: true },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      });
      const govs = new Set(departments.map((d) => governmentOf(d.id, all)));
      const units = all.filter((d) => d.kind !== "GOVERNMENT" && govs.has(governmentOf(d.id, all)));
      return <StructuredLeaderForm {...c} departments={departments} units={units} data={formDataOf(kind, data)} />;
    }
    case "SERVICE": {
      const fees = await listForStaff(user, "FEE");
      return (
        <StructuredServiceForm
          {...c}
          departments={departments}
          fees={fees.map((f) => ({ itemId: f.itemId, title: f.title }))}
          data={formDataOf(kind, data)}
        />
      );
    }
    case "GUIDE":
      return <StructuredGuideForm {...c} departments={departments.filter((d) => d.kind === "GOVERNMENT")} data={formDataOf(kind, data)} />;
    default:
      return null;
  }
}
