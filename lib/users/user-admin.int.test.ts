// Role changes, password resets and self-service password changes, against PGlite and PostgreSQL: the
// writes, the sessions they end, the audit rows they leave (never a password or hash), and the last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { hashPassword } from "../auth/password";
import { changeOwnPassword, ZChangeOwnPasswordInput } from "./change-own-password";
import { changeUserRole } from "./change-user-role";
import { resetUserPassword } from "./reset-user-password";
import { setUserActive } from "./set-user-active";
import { ZChangeUserRoleInput } from "./user-role-rules";

const NOW = new Date("2026-12-07T10:00:00Z");
const BEFORE = NOW.getTime() - 60_000;
const AFTER = NOW.getTime() + 60_000;

describe.each(databasesUnderTest())("user administration on %s", (kind) => {
  let database: TestDatabase;
  let scope: TAllOrganizationsScope;
  let adminId: string;
  let orgId: string;
  let hash: string;

  async function addUser(email: string, role: "admin" | "hirer", password = "the old password 1") {
    return database.prisma.user.create({
      data: {
        email,
        name: email,
        role,
        organizationId: role === "hirer" ? orgId : null,
        passwordHash: password === "the old password 1" ? hash : await hashPassword(password),
      },
    });
  }
  async function auditRows(targetId: string, action: string) {
    return database.prisma.auditLog.findMany({ where: { targetId, action } });
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hash = await hashPassword("the old password 1");
    orgId = (await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    const admin = await database.prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: hash },
    });
    adminId = admin.id;
    scope = { kind: "all", actor: `user:${admin.id}`, actorUserId: admin.id };
  });
  afterAll(async () => {
    await database.close();
  });

  it("makes a hirer an admin (no organization) and back a hirer of an organization, auditing each change", async () => {
    const hirer = await addUser("promote@acme.test", "hirer");
    await changeUserRole(database.prisma, scope, ZChangeUserRoleInput.parse({ userId: hirer.id, role: "admin" }));
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: hirer.id } })).toMatchObject({
      role: "admin",
      organizationId: null,
    });
    await changeUserRole(
      database.prisma,
      scope,
      ZChangeUserRoleInput.parse({ userId: hirer.id, role: "hirer", organizationId: orgId }),
    );
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: hirer.id } })).toMatchObject({
      role: "hirer",
      organizationId: orgId,
    });
    const rows = await auditRows(hirer.id, "user.role_change");
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: { role: "admin", organizationId: null } }),
        expect.objectContaining({ to: { role: "hirer", organizationId: orgId } }),
      ]),
    );
    expect(rows.every((r) => r.actorUserId === adminId)).toBe(true);
  });

  it("refuses a hirer in an organization that does not exist, and changes nothing", async () => {
    const admin2 = await addUser("admin2@example.test", "admin");
    await expect(
      changeUserRole(database.prisma, scope, { userId: admin2.id, role: "hirer", organizationId: "no-such-org" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", issues: [{ path: ["organizationId"] }] });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin2.id } })).role).toBe("admin");
    await database.prisma.user.update({ where: { id: admin2.id }, data: { active: false } });
  });

  it("never demotes or deactivates the last active admin, and says what to do instead", async () => {
    // The only active admin now is the actor (admin2 is deactivated, the promoted one is a hirer again).
    await expect(
      changeUserRole(database.prisma, scope, { userId: adminId, role: "hirer", organizationId: orgId }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringMatching(/last active administrator/) });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("admin");
    expect(await auditRows(adminId, "user.role_change")).toHaveLength(0);
  });

  it("demotes one admin of two, and then refuses to deactivate the other from a second admin's hands", async () => {
    const other = await addUser("other-admin@example.test", "admin");
    const otherScope: TAllOrganizationsScope = { kind: "all", actor: `user:${other.id}`, actorUserId: other.id };
    // The other admin demotes the first: allowed, one active admin (the other) remains.
    await changeUserRole(database.prisma, otherScope, { userId: adminId, role: "hirer", organizationId: orgId });
    // Now the demoted user is a hirer; a scope still naming them cannot take the other (last) admin away.
    await expect(setUserActive(database.prisma, scope, { userId: other.id, active: false })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(true);
    await changeUserRole(database.prisma, otherScope, { userId: adminId, role: "admin", organizationId: null });
  });

  it("resets a password to a typed one: the old one stops working, sessions end, the audit row holds no secret", async () => {
    const user = await addUser("reset@acme.test", "hirer");
    const result = await resetUserPassword(
      database.prisma,
      scope,
      { userId: user.id, mode: "set", password: "a temporary password" },
      NOW,
    );
    expect(result).toEqual({ email: "reset@acme.test", temporaryPassword: "a temporary password", generated: false });
    const row = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, sessionsValidFrom: true },
    });
    expect(await verifyPassword("a temporary password", row.passwordHash)).toBe(true);
    expect(await verifyPassword("the old password 1", row.passwordHash)).toBe(false);
    expect(row.sessionsValidFrom).toEqual(NOW);
    expect(await loadSessionUser(database.prisma, { userId: user.id, signedInAt: BEFORE })).toBeNull();
    expect(await loadSessionUser(database.prisma, { userId: user.id, signedInAt: AFTER })).toMatchObject({
      id: user.id,
    });
    const [audit, ...more] = await auditRows(user.id, "user.password_reset");
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actorUserId: adminId, organizationId: orgId, details: { generated: false } });
    const written = JSON.stringify(audit);
    expect(written).not.toContain("a temporary password");
    expect(written).not.toContain("scrypt");
  });

  it("resets a password to a generated one, returned once to show", async () => {
    const user = await addUser("generated@acme.test", "hirer");
    const result = await resetUserPassword(
      database.prisma,
      scope,
      { userId: user.id, mode: "generate" },
      NOW,
      () => "generatedPassword2345",
    );
    expect(result).toMatchObject({ temporaryPassword: "generatedPassword2345", generated: true });
    const row = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(await verifyPassword("generatedPassword2345", row.passwordHash)).toBe(true);
    expect((await auditRows(user.id, "user.password_reset"))[0]?.details).toMatchObject({ generated: true });
  });

  it("refuses resetting one's own password here, and an unknown user", async () => {
    await expect(
      resetUserPassword(database.prisma, scope, { userId: adminId, mode: "generate" }, NOW),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(
      resetUserPassword(database.prisma, scope, { userId: "no-such-user", mode: "generate" }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("changes one's own password with the current one, ending sessions from before, and audits it", async () => {
    const user = await addUser("self@acme.test", "hirer");
    const input = ZChangeOwnPasswordInput.parse({
      currentPassword: "the old password 1",
      newPassword: "my new password 1",
      confirmPassword: "my new password 1",
    });
    await changeOwnPassword(database.prisma, user.id, input, NOW);
    const row = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, sessionsValidFrom: true },
    });
    expect(await verifyPassword("my new password 1", row.passwordHash)).toBe(true);
    expect(row.sessionsValidFrom).toEqual(NOW);
    expect(await loadSessionUser(database.prisma, { userId: user.id, signedInAt: BEFORE })).toBeNull();
    const audit = await auditRows(user.id, "user.password_change");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, organizationId: orgId });
    expect(JSON.stringify(audit)).not.toContain("my new password");
  });

  it("refuses a wrong current password on its field, and changes nothing", async () => {
    const user = await addUser("wrong@acme.test", "hirer");
    await expect(
      changeOwnPassword(
        database.prisma,
        user.id,
        { currentPassword: "not it at all", newPassword: "my new password 1", confirmPassword: "my new password 1" },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", issues: [{ path: ["currentPassword"] }] });
    const row = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, sessionsValidFrom: true },
    });
    expect(row).toEqual({ passwordHash: hash, sessionsValidFrom: null });
    expect(await auditRows(user.id, "user.password_change")).toHaveLength(0);
  });
});
