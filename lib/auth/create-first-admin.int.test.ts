import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { createFirstAdmin, insertFirstAdmin, SETUP_CLOSED_MESSAGE } from "./create-first-admin";
import { hashPassword, verifyPassword } from "./password";

describe.each(databasesUnderTest())("first admin setup on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("creates the first admin while none exists, with a verifiable password and an audit entry", async () => {
    const { prisma } = database;
    const admin = await createFirstAdmin(prisma, {
      name: "First Admin",
      email: "first@example.test",
      password: "a long enough password",
    });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ role: "admin", organizationId: null, active: true });
    expect(await verifyPassword("a long enough password", row.passwordHash)).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { action: "setup.create_first_admin" } });
    expect(audit).toMatchObject([{ actorUserId: admin.id, targetId: admin.id }]);
  });

  it("refuses when an admin exists", async () => {
    const { prisma } = database;
    await expect(
      createFirstAdmin(prisma, { name: "Second", email: "second@example.test", password: "another long password" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: SETUP_CLOSED_MESSAGE });
    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);
  });
});

describe.each(databasesUnderTest())("concurrent first admin setup on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("lets exactly one of several simultaneous submissions become the first admin", async () => {
    const { prisma } = database;
    const passwordHash = await hashPassword("racing password 1");
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) =>
        insertFirstAdmin(prisma, { name: `Racer ${n}`, email: `racer${n}@example.test`, passwordHash }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
