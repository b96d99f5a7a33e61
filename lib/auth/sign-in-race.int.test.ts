// The sign-in lock under concurrency: parallel guesses must not outrun it (docs/decisions/0015).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { authorizeCredentials, SignInLocked } from "./authorize-credentials";
import { hashPassword } from "./password";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";

// Counts every password verification while keeping the real scrypt check.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      verifications.count += 1;
      return real.verifyPassword(password, stored);
    },
  };
});

const PASSWORD = "a password long enough";
const PARALLEL = 40;

type Outcome = "signed-in" | "refused" | "locked";
async function outcome(attempt: Promise<unknown>): Promise<Outcome> {
  try {
    return (await attempt) ? "signed-in" : "refused";
  } catch (error) {
    if (error instanceof SignInLocked) return "locked";
    throw error;
  }
}

describe.each(databasesUnderTest())("sign-in lock under concurrent attempts on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const passwordHash = await hashPassword(PASSWORD);
    for (const email of ["racer@acme.test", "mixed@acme.test"])
      await database.prisma.user.create({ data: { email, name: "Racer", role: "admin", passwordHash } });
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    verifications.count = 0;
  });

  it(`${PARALLEL} parallel wrong passwords: only ${SIGN_IN_MAX_FAILURES} are checked, the rest are refused as locked, and the lock holds`, async () => {
    const now = new Date("2026-12-01T09:00:00.000Z");
    const attempts = Array.from({ length: PARALLEL }, () =>
      outcome(authorizeCredentials(database.prisma, { email: "racer@acme.test", password: "wrong password!" }, now)),
    );
    const outcomes = await Promise.all(attempts);
    expect(verifications.count).toBe(SIGN_IN_MAX_FAILURES);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(PARALLEL - SIGN_IN_MAX_FAILURES);

    // the right password is refused until the window ends, with no password work
    const later = new Date(now.getTime() + SIGN_IN_WINDOW_MS - 1);
    await expect(
      authorizeCredentials(database.prisma, { email: "racer@acme.test", password: PASSWORD }, later),
    ).rejects.toBeInstanceOf(SignInLocked);
    expect(verifications.count).toBe(SIGN_IN_MAX_FAILURES);
    const ended = new Date(now.getTime() + SIGN_IN_WINDOW_MS);
    expect(
      await authorizeCredentials(database.prisma, { email: "racer@acme.test", password: PASSWORD }, ended),
    ).not.toBeNull();
  });

  it("the right password sent last among 39 wrong ones in parallel is refused: it came after the limit", async () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    const wrong = Array.from({ length: PARALLEL - 1 }, () =>
      outcome(authorizeCredentials(database.prisma, { email: "mixed@acme.test", password: "wrong password!" }, now)),
    );
    const right = outcome(authorizeCredentials(database.prisma, { email: "mixed@acme.test", password: PASSWORD }, now));
    const outcomes = await Promise.all([...wrong, right]);
    expect(await right).toBe("locked");
    expect(verifications.count).toBe(SIGN_IN_MAX_FAILURES);
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(PARALLEL - SIGN_IN_MAX_FAILURES);
    expect(await database.prisma.auditLog.count({ where: { action: "user.sign_in" } })).toBe(1);
  });
});
