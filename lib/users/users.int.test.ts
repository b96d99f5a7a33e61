// Users created by an admin: hirers belong to an existing organization, admins to none; emails unique.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { createUser, ZCreateUserInput } from "./create-user";
import { listUsers } from "./list-users";

describe.each(databasesUnderTest())("users on %s", (kind) => {
  let database: TestDatabase;
  let scope: TAllOrganizationsScope;
  let orgId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const admin = await database.prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    scope = { kind: "all", actor: `user:${admin.id}`, actorUserId: admin.id };
    orgId = (await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it("creates a hirer in an organization with a hashed initial password, and audits it", async () => {
    const input = ZCreateUserInput.parse({
      name: "Hannah Hirer",
      email: "Hannah@Acme.test",
      role: "hirer",
      organizationId: orgId,
      password: "initial password 1",
    });
    const user = await createUser(database.prisma, scope, input);
    const row = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(row).toMatchObject({ email: "hannah@acme.test", role: "hirer", organizationId: orgId, active: true });
    expect(row.passwordHash).not.toContain("initial password 1");
    expect(await verifyPassword("initial password 1", row.passwordHash)).toBe(true);
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "user.create", targetId: user.id },
    });
    expect(audit).toMatchObject({ actorUserId: scope.actorUserId, organizationId: orgId });
  });

  it("creates an admin without an organization, whatever the form sent", async () => {
    const input = ZCreateUserInput.parse({
      name: "Second Admin",
      email: "second@example.test",
      role: "admin",
      organizationId: orgId,
      password: "initial password 2",
    });
    const user = await createUser(database.prisma, scope, input);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).organizationId).toBeNull();
  });

  it("requires an organization for a hirer, and an existing one", async () => {
    const missing = ZCreateUserInput.safeParse({
      name: "H",
      email: "h@x.test",
      role: "hirer",
      password: "long password 12",
    });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["organizationId"]);
    await expect(
      createUser(database.prisma, scope, {
        name: "H",
        email: "h@x.test",
        role: "hirer",
        organizationId: "no-such-org",
        password: "long password 12",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a second user with the same email (any case) as a CONFLICT on the email field", async () => {
    await expect(
      createUser(
        database.prisma,
        scope,
        ZCreateUserInput.parse({ name: "Dup", email: "HANNAH@acme.test", role: "admin", password: "long password 12" }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", issues: [{ path: ["email"] }] });
  });

  it("lists users without password hashes", async () => {
    const users = await listUsers(database.prisma, scope);
    expect(users.map((u) => u.email)).toEqual(["admin@example.test", "second@example.test", "hannah@acme.test"]);
    expect(JSON.stringify(users)).not.toContain("scrypt");
  });
});
