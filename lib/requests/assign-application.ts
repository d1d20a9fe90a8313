/**
 * 分办: hand the case to a department (转办 inside the government) and/or a
 * handler. The handler must belong to the receiving department. The actor
 * needs the case in scope; the receiving department may be outside it (the
 * county office routes applications to bureaus).
 */
import { ValidationError } from "@/lib/errors";
import { caseVerb } from "./case-verb";

export const assignApplication = caseVerb<{ id: string; departmentId?: string; handlerId?: string | null; note?: string }, undefined>({
  action: "request.assign",
  policy: "assign",
  run: async (c) => {
    const departmentId = c.input.departmentId || c.app.departmentId;
    const dept = await c.tx.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true } });
    if (!dept) throw new ValidationError({ departmentId: ["请选择承办部门"] });
    let handlerName = "";
    let handlerId: string | null = null;
    if (c.input.handlerId) {
      const h = await c.tx.user.findFirst({
        where: { id: c.input.handlerId, departmentId, disabled: false },
        select: { id: true, displayName: true },
      });
      if (!h) throw new ValidationError({ handlerId: ["经办人应为承办部门的在岗工作人员"] });
      handlerId = h.id;
      handlerName = h.displayName;
    }
    return {
      event: "ASSIGN",
      note: c.input.note ?? "",
      update: { departmentId, handlerId, handlerName },
      payload: { fromDepartmentId: c.app.departmentId, departmentId, departmentName: dept.name, handlerId, handlerName },
      result: undefined,
    };
  },
});
