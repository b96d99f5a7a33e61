import { describe, expect, it } from "vitest";
import { ZChangeOwnPasswordInput } from "./change-own-password";
import { ZResetUserPasswordInput } from "./reset-user-password";
import { assertKeepsAnActiveAdmin, ZChangeUserRoleInput } from "./user-role-rules";

describe("the last active admin", () => {
  it("is never demoted: the refusal says to make another admin first", () => {
    expect(() =>
      assertKeepsAnActiveAdmin({ target: { role: "admin", active: true }, activeAdmins: 1 }, { kind: "demote" }),
    ).toThrow(/last active administrator: make another user an administrator first/);
  });

  it("is never deactivated", () => {
    expect(() =>
      assertKeepsAnActiveAdmin({ target: { role: "admin", active: true }, activeAdmins: 1 }, { kind: "deactivate" }),
    ).toThrow(expect.objectContaining({ code: "UNPROCESSABLE" }));
  });

  it("allows demoting an admin while another active admin remains", () => {
    expect(() =>
      assertKeepsAnActiveAdmin({ target: { role: "admin", active: true }, activeAdmins: 2 }, { kind: "demote" }),
    ).not.toThrow();
  });

  it("allows changing a deactivated admin or a hirer, whatever the count, since no active admin is lost", () => {
    expect(() =>
      assertKeepsAnActiveAdmin({ target: { role: "admin", active: false }, activeAdmins: 1 }, { kind: "demote" }),
    ).not.toThrow();
    expect(() =>
      assertKeepsAnActiveAdmin({ target: { role: "hirer", active: true }, activeAdmins: 1 }, { kind: "deactivate" }),
    ).not.toThrow();
  });
});

describe("a role change's input", () => {
  it("asks for an organization when the new role is hirer", () => {
    const result = ZChangeUserRoleInput.safeParse({ userId: "u1", role: "hirer", organizationId: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["organizationId"],
      message: "A hirer needs an organization: choose one",
    });
  });

  it("keeps the organization of a hirer", () => {
    expect(ZChangeUserRoleInput.parse({ userId: "u1", role: "hirer", organizationId: "org1" })).toEqual({
      userId: "u1",
      role: "hirer",
      organizationId: "org1",
    });
  });

  it("drops any organization sent with the admin role: an admin belongs to none", () => {
    expect(ZChangeUserRoleInput.parse({ userId: "u1", role: "admin", organizationId: "org1" })).toEqual({
      userId: "u1",
      role: "admin",
      organizationId: null,
    });
  });

  it("refuses a role that does not exist", () => {
    expect(ZChangeUserRoleInput.safeParse({ userId: "u1", role: "owner" }).success).toBe(false);
  });
});

describe("a password reset's input", () => {
  it("needs no password when the app generates one", () => {
    expect(ZResetUserPasswordInput.parse({ userId: "u1", mode: "generate", password: "" })).toEqual({
      userId: "u1",
      mode: "generate",
    });
  });

  it("holds a typed password to the setup page's rules", () => {
    const result = ZResetUserPasswordInput.safeParse({ userId: "u1", mode: "set", password: "short" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["password"], message: "Use at least 12 characters" });
  });
});

describe("a self-service password change's input", () => {
  const valid = {
    currentPassword: "old password 1",
    newPassword: "new password 12",
    confirmPassword: "new password 12",
  };

  it("accepts a new password typed twice alike, different from the current one", () => {
    expect(ZChangeOwnPasswordInput.safeParse(valid).success).toBe(true);
  });

  it("requires the current password", () => {
    const result = ZChangeOwnPasswordInput.safeParse({ ...valid, currentPassword: "" });
    expect(result.error?.issues.map((i) => i.path[0])).toContain("currentPassword");
  });

  it("refuses a confirmation that differs, on the confirmation field", () => {
    const result = ZChangeOwnPasswordInput.safeParse({ ...valid, confirmPassword: "new password 13" });
    expect(result.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });

  it("refuses a new password shorter than the setup page allows, or equal to the current one", () => {
    expect(
      ZChangeOwnPasswordInput.safeParse({ ...valid, newPassword: "short", confirmPassword: "short" }).error?.issues[0]
        ?.path,
    ).toEqual(["newPassword"]);
    expect(
      ZChangeOwnPasswordInput.safeParse({
        currentPassword: "same password 1",
        newPassword: "same password 1",
        confirmPassword: "same password 1",
      }).error?.issues[0]?.message,
    ).toBe("Choose a password different from your current one");
  });
});
