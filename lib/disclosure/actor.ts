import type { SessionUser } from "@/lib/auth/session";
import type { StaffActor } from "./rules/actor";

/** Maps a signed-in user to the rules' actor: each role is granted in the user's own department. */
export function toStaffActor(user: Pick<SessionUser, "id" | "roles" | "departmentId">): StaffActor {
  if (!user.id || !user.departmentId) throw new Error("toStaffActor: user without id or department");
  return { kind: "staff", userId: user.id, grants: user.roles.map((role) => ({ role, departmentId: user.departmentId })) };
}
