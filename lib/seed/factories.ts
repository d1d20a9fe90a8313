import type { Db, Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { DepartmentKind, Role } from "@/lib/generated/prisma/enums";

// Factories shared by the demo seed and the tests (epic-stack's db-utils):
// one way to make a department or a user, with sensible defaults.

type Client = Db | Tx;
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createDepartment(
  c: Client,
  o: Partial<{
    code: string;
    name: string;
    kind: DepartmentKind;
    parentId: string | null;
    address: string;
    officeHours: string;
    phone: string;
    fax: string;
    email: string;
    postalCode: string;
    headName: string;
    sortOrder: number;
    shortName: string;
    /** CalendarRegion.code (default "national"). */
    calendarRegion: string;
  }> = {},
) {
  const n = next();
  return c.department.create({
    data: {
      code: o.code ?? `T${n}`.slice(0, 18),
      name: o.name ?? `测试部门${n}`,
      kind: o.kind ?? "BUREAU",
      parentId: o.parentId ?? null,
      address: o.address ?? "",
      officeHours: o.officeHours ?? "",
      phone: o.phone ?? "",
      fax: o.fax ?? "",
      email: o.email ?? "",
      postalCode: o.postalCode ?? "",
      headName: o.headName ?? "",
      sortOrder: o.sortOrder ?? 0,
      shortName: o.shortName ?? null,
      ...(o.calendarRegion ? { calendarRegion: o.calendarRegion } : {}),
    },
  });
}

/** The password of users made by createUser unless one is given. */
export const DEFAULT_TEST_PASSWORD = "Password1234";

/** Hashing is slow by design; tests reuse one hash per password. */
const hashCache = new Map<string, Promise<string>>();

/** Supplies a hash computed elsewhere (the integration tests' global setup hashes the test
 * passwords once for all files). */
export function primeCachedHash(password: string, hash: string): void {
  hashCache.set(password, Promise.resolve(hash));
}

export function cachedHash(password: string): Promise<string> {
  let hash = hashCache.get(password);
  if (!hash) hashCache.set(password, (hash = hashPassword(password)));
  return hash;
}

export async function createUser(
  c: Client,
  o: {
    departmentId: string;
    roles: Role[];
    username?: string;
    displayName?: string;
    password?: string;
    disabled?: boolean;
  },
) {
  const n = next();
  return c.user.create({
    data: {
      username: o.username ?? `user_${n}`,
      displayName: o.displayName ?? `测试用户${n}`,
      passwordHash: await cachedHash(o.password ?? DEFAULT_TEST_PASSWORD),
      roles: o.roles,
      departmentId: o.departmentId,
      disabled: o.disabled ?? false,
    },
  });
}
