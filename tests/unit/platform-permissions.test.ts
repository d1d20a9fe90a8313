import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission, permissionsOf } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";

describe("role → permission map", () => {
  it("only grants permissions from the closed list", () => {
    for (const r of ROLES) for (const p of ROLE_PERMISSIONS[r]) expect(PERMISSIONS).toContain(p);
  });

  it("keeps administration away from the disclosure workflow and vice versa", () => {
    expect(hasPermission(["ADMIN"], "users:manage")).toBe(true);
    expect(hasPermission(["ADMIN"], "disclosure:sign")).toBe(false);
    expect(hasPermission(["CLERK"], "users:manage")).toBe(false);
    expect(hasPermission(["CLERK"], "disclosure:draft")).toBe(true);
    expect(hasPermission(["CLERK"], "disclosure:sign")).toBe(false);
    expect(hasPermission(["REVIEWER"], "disclosure:review")).toBe(true);
    expect(hasPermission(["DIRECTOR"], "disclosure:sign")).toBe(true);
    expect(hasPermission(["DIRECTOR"], "disclosure:sign-major")).toBe(false);
    expect(hasPermission(["PRINCIPAL"], "disclosure:sign-major")).toBe(true);
    expect(hasPermission(["DIRECTOR"], "request:extend-approve")).toBe(true);
    expect(hasPermission(["CLERK"], "request:extend-approve")).toBe(false);
  });

  it("lets only administrators maintain the category tree", () => {
    expect(PERMISSIONS).toContain("categories:manage");
    for (const r of ROLES) expect(hasPermission([r], "categories:manage")).toBe(r === "ADMIN");
  });

  it("unions the permissions of several roles and grants nothing to none", () => {
    expect(permissionsOf([]).size).toBe(0);
    const both = permissionsOf(["CLERK", "ADMIN"]);
    expect(both.has("disclosure:draft") && both.has("users:manage")).toBe(true);
  });
});
