import { db } from "@/lib/db/client";
import { makeActor } from "../helpers/actors";
import { createDepartment } from "@/lib/seed/factories";
import { registerApplication } from "@/lib/requests/register-application";
import { personInput } from "@/lib/requests/sample-input";
import { startReview, acceptApplication } from "@/lib/requests/review-application";
import type { SessionUser } from "@/lib/auth/session";

/** 10:00 in Asia/Shanghai on a civil date. */
export const at = (date: string) => new Date(`${date}T02:00:00Z`);

export async function office() {
  const gov = await createDepartment(db(), { kind: "GOVERNMENT", name: "测试县人民政府" });
  const dept = await createDepartment(db(), { parentId: gov.id, name: "测试县发展和改革局", shortName: "测发改" });
  const other = await createDepartment(db(), { parentId: gov.id, name: "测试县财政局" });
  const clerk = await makeActor(["CLERK"], dept.id);
  const clerk2 = await makeActor(["CLERK"], dept.id);
  const director = await makeActor(["DIRECTOR"], dept.id);
  const reviewer = await makeActor(["REVIEWER"], dept.id);
  const outsider = await makeActor(["CLERK"], other.id);
  const outsiderDirector = await makeActor(["DIRECTOR"], other.id);
  return { gov, dept, other, clerk, clerk2, director, reviewer, outsider, outsiderDirector };
}

/** A paper application handed in on `on`, registered by `clerk`. */
export async function handedIn(clerk: SessionUser, deptId: string, on: string, o: Record<string, unknown> = {}) {
  return registerApplication(clerk, { ...personInput(deptId, o), channel: "IN_PERSON", submittedOn: on }, { now: at(on) });
}

/** Registered, reviewed and accepted for processing on `on`. */
export async function inProgress(clerk: SessionUser, deptId: string, on: string, o: Record<string, unknown> = {}) {
  const a = await handedIn(clerk, deptId, on, o);
  await startReview(clerk, { id: a.id }, { now: at(on) });
  await acceptApplication(clerk, { id: a.id }, { now: at(on) });
  return a;
}

export async function statusOf(id: string) {
  return (await db().disclosureApplication.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
