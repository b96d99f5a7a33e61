// The Credentials provider's authorize step and the per-request user reload, against real databases.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { setUserActive } from "@/lib/users/set-user-active";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { authOptions } from "./auth-options";
import { authorizeCredentials, SignInLocked } from "./authorize-credentials";
import { hashPassword } from "./password";
import { loadSessionUser } from "./session-user";
import { SIGN_IN_LOCKED_CODE } from "./sign-in-messages";
import { SIGN_IN_MAX_FAILURES } from "./sign-in-throttle";

const PASSWORD = "a password long enough";

describe.each(databasesUnderTest())("signing in on %s", (kind) => {
  let database: TestDatabase;
  let adminScope: TAllOrganizationsScope;
  let hirerId: string;
  let orgId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { prisma } = database;
    const passwordHash = await hashPassword(PASSWORD);
    const admin = await prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash },
    });
    adminScope = { kind: "all", actor: `user:${admin.id}`, actorUserId: admin.id };
    orgId = (await prisma.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    hirerId = (
      await prisma.user.create({
        data: { email: "hirer@acme.test", name: "Hirer", role: "hirer", organizationId: orgId, passwordHash },
      })
    ).id;
  });
  afterAll(async () => {
    await database.close();
  });
  // Failed sign-ins are counted against the clock of the test that recorded them: a count left by one
  // test (on the real clock) must not lock an address for the next (on a fixed clock), whatever the day.
  beforeEach(async () => {
    await database.prisma.rateWindow.deleteMany();
  });

  it("accepts the right email and password (email case-insensitive) and records lastSignInAt", async () => {
    const { prisma } = database;
    const now = new Date("2026-11-23T09:00:00Z");
    const user = await authorizeCredentials(prisma, { email: "  Hirer@ACME.test ", password: PASSWORD }, now);
    expect(user).toEqual({ id: hirerId, email: "hirer@acme.test", name: "Hirer" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: hirerId } })).lastSignInAt).toEqual(now);
    expect(await prisma.auditLog.count({ where: { action: "user.sign_in", actorUserId: hirerId } })).toBe(1);
  });

  it("refuses a wrong password, an unknown email and malformed input alike (null, nothing recorded)", async () => {
    const { prisma } = database;
    const now = new Date("2026-11-23T09:05:00Z");
    const before = await prisma.auditLog.count();
    expect(
      await authorizeCredentials(prisma, { email: "hirer@acme.test", password: "wrong password!" }, now),
    ).toBeNull();
    expect(await authorizeCredentials(prisma, { email: "nobody@acme.test", password: PASSWORD }, now)).toBeNull();
    expect(await authorizeCredentials(prisma, { email: "not an email", password: PASSWORD }, now)).toBeNull();
    expect(await authorizeCredentials(prisma, undefined, now)).toBeNull();
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("ten failed sign-ins lock an address for 15 minutes, right password or not; unknown addresses alike; success clears the count", async () => {
    const { prisma } = database;
    const t0 = new Date("2026-11-24T10:00:00.000Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const attempt = (email: string, password: string, when: Date) =>
      authorizeCredentials(prisma, { email, password }, when);

    // nine failures, then the right password: in, and the count starts again
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
      expect(await attempt("hirer@acme.test", "wrong password!", at(0))).toBeNull();
    expect(await attempt("hirer@acme.test", PASSWORD, at(1))).not.toBeNull();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
      expect(await attempt("hirer@acme.test", "wrong password!", at(2))).toBeNull();
    expect(await attempt("hirer@acme.test", PASSWORD, at(3))).not.toBeNull();

    // ten in a row: locked, even with the right password, until the window ends
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++)
      expect(await attempt("hirer@acme.test", "wrong password!", at(4))).toBeNull();
    await expect(attempt("hirer@acme.test", PASSWORD, at(5))).rejects.toBeInstanceOf(SignInLocked);
    await expect(attempt("HIRER@acme.test ", PASSWORD, at(18))).rejects.toThrow(SIGN_IN_LOCKED_CODE);
    expect(await attempt("hirer@acme.test", PASSWORD, at(20))).not.toBeNull();

    // an address nobody has is locked the same way: the lock tells nothing about which accounts exist
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++)
      expect(await attempt("nobody@acme.test", "guess", at(30))).toBeNull();
    await expect(attempt("nobody@acme.test", "guess", at(31))).rejects.toBeInstanceOf(SignInLocked);
    // other addresses are not affected
    expect(await attempt("hirer@acme.test", PASSWORD, at(31))).not.toBeNull();
    // the table keeps no email address in the clear
    expect((await prisma.rateWindow.findMany()).map((row) => row.key).join()).not.toContain("@");
  });

  it("reloads the user on each request: role and organization come from the database", async () => {
    const user = await loadSessionUser(database.prisma, { userId: hirerId, signedInAt: Date.now() });
    expect(user).toMatchObject({ role: "hirer", organizationId: orgId, organization: { slug: "acme" } });
    expect(await loadSessionUser(database.prisma, { userId: "no-such-user", signedInAt: Date.now() })).toBeNull();
  });

  it("a deactivated user cannot sign in and their session stops working; reactivated, they sign in again but the old session stays dead", async () => {
    const { prisma } = database;
    const before = { userId: hirerId, signedInAt: Date.now() - 60_000 };
    expect(await loadSessionUser(prisma, before)).not.toBeNull();
    await setUserActive(prisma, adminScope, { userId: hirerId, active: false });
    expect(await authorizeCredentials(prisma, { email: "hirer@acme.test", password: PASSWORD })).toBeNull();
    expect(await loadSessionUser(prisma, before)).toBeNull();

    await setUserActive(prisma, adminScope, { userId: hirerId, active: true });
    expect(await authorizeCredentials(prisma, { email: "hirer@acme.test", password: PASSWORD })).not.toBeNull();
    expect(await loadSessionUser(prisma, before)).toBeNull();
    expect(await loadSessionUser(prisma, { userId: hirerId, signedInAt: 0 })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await loadSessionUser(prisma, { userId: hirerId, signedInAt: Date.now() })).not.toBeNull();
  });

  it("the configured Credentials provider's authorize refuses a deactivated user and accepts an active one", async () => {
    const { prisma } = database;
    const provider = authOptions(() => prisma).providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    const authorize = (password: string) =>
      provider.options.authorize({ email: "hirer@acme.test", password }, { headers: {}, body: {} });
    await setUserActive(prisma, adminScope, { userId: hirerId, active: false });
    expect(await authorize(PASSWORD)).toBeNull();
    await setUserActive(prisma, adminScope, { userId: hirerId, active: true });
    expect(await authorize(PASSWORD)).toMatchObject({ id: hirerId });
    expect(await authorize("wrong password!")).toBeNull();
  });

  it("an admin cannot deactivate themselves", async () => {
    await expect(
      setUserActive(database.prisma, adminScope, { userId: adminScope.actorUserId, active: false }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: adminScope.actorUserId } })).active).toBe(true);
  });

  it("a hirer row without an organization can neither sign in nor hold a session", async () => {
    const { prisma } = database;
    const orphan = await prisma.user.create({
      data: { email: "orphan@example.test", name: "Orphan", role: "hirer", passwordHash: await hashPassword(PASSWORD) },
    });
    expect(await authorizeCredentials(prisma, { email: "orphan@example.test", password: PASSWORD })).toBeNull();
    expect(await loadSessionUser(prisma, { userId: orphan.id, signedInAt: Date.now() })).toBeNull();
  });
});

describe("next-auth configuration", () => {
  it("uses JWT sessions whose token holds only the user id and the sign-in time, kept as it was on later reads", async () => {
    const options = authOptions();
    expect(options.session?.strategy).toBe("jwt");
    expect(options.pages?.signIn).toBe("/signin");
    const jwt = options.callbacks?.jwt;
    if (!jwt) throw new Error("no jwt callback");
    const before = Date.now();
    const token = await jwt({
      token: { sub: "u1", name: "N", email: "e@x.test", role: "admin" } as never,
      user: { id: "u1", email: "e@x.test", name: "N" },
      account: null,
    } as never);
    expect(Object.keys(token).sort()).toEqual(["signedInAt", "sub"]);
    expect(token.sub).toBe("u1");
    expect(token.signedInAt).toBeGreaterThanOrEqual(before);
    // a later read (no `user`) keeps the original sign-in time, whatever else the token carried
    const later = await jwt({ token: { ...token, role: "admin", iat: 999 } as never, account: null } as never);
    expect(later).toEqual({ sub: "u1", signedInAt: token.signedInAt });
  });
});
