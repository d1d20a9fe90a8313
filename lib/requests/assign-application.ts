/**
 * 分办: hand the case to a department (转办 inside the government) and/or a
 * handler. The handler must belong to the receiving department. The actor
 * needs the case in scope; the receiving department may be outside it (the
 * county office routes applications to bureaus).
 */
import type { SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { isClosed } from "./rules/stages";
import { runCaseVerb, type VerbOptions } from "./case-verb";

export async function assignApplication(
  actor: SessionUser | null | undefined,
  input: { id: string; departmentId?: string; handlerId?: string | null; note?: string },
  opts: VerbOptions = {},
): Promise<void> {
  return runCaseVerb(actor, input.id, "request:register", "request.assign", opts, async (c) => {
    if (isClosed(c.app.status) || c.app.status === "ARCHIVED") throw new InvalidTransitionError("申请已办结，不能再分办");
    const departmentId = input.departmentId || c.app.departmentId;
    const dept = await c.tx.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true } });
    if (!dept) throw new ValidationError({ departmentId: ["请选择承办部门"] });
    let handlerName = "";
    let handlerId: string | null = null;
    if (input.handlerId) {
      const h = await c.tx.user.findFirst({
        where: { id: input.handlerId, departmentId, disabled: false },
        select: { id: true, displayName: true },
      });
      if (!h) throw new ValidationError({ handlerId: ["经办人应为承办部门的在岗工作人员"] });
      handlerId = h.id;
      handlerName = h.displayName;
    }
    return {
      event: "ASSIGN",
      note: input.note ?? "",
      update: { departmentId, handlerId, handlerName },
      payload: { fromDepartmentId: c.app.departmentId, departmentId, departmentName: dept.name, handlerId, handlerName },
      result: undefined,
    };
  });
}
