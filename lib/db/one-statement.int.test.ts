// asOneStatementIfUnchanged (lib/db/one-statement.ts): the writes happen only if every row read is still
// the version read; otherwise PostgreSQL raises SH409 and nothing of the statement is kept, also when the
// row is changed by a transaction that commits while the statement waits for its lock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { Prisma } from "../generated/prisma/client";
import { sqlStateOf } from "../validation/database-input-error";
import { asOneStatementIfUnchanged, STALE_READ_SQLSTATE } from "./one-statement";

describe.each(databasesUnderTest())("a write guarded by the versions read, on %s", (kind) => {
  let database: TestDatabase;
  let id: string;
  const now = new Date();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const prisma = database.prisma;
    const org = await prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
    const position = await prisma.position.create({
      data: { organizationId: org.id, externalId: "P1", title: "Chef", applyUrl: "https://ats.example.com/apply" },
    });
    const application = await prisma.application.create({
      data: { organizationId: org.id, externalId: "A1", positionId: position.id },
    });
    id = application.id;
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.prisma.application.update({ where: { id }, data: { currentStatusKey: null } });
  });

  const versionNow = async () =>
    (
      await database.prisma.$queryRaw<
        { version: string }[]
      >`SELECT xmin::text AS version FROM "Application" WHERE id = ${id}`
    )[0]!.version;
  const setStatus = (key: string) =>
    Prisma.sql`UPDATE "Application" SET "currentStatusKey" = ${key}, "updatedAt" = ${now} WHERE id = ${id}`;
  const statusNow = async () =>
    (await database.prisma.application.findUniqueOrThrow({ where: { id } })).currentStatusKey;
  const stale = (error: unknown) => sqlStateOf(error) === STALE_READ_SQLSTATE;

  it("writes when the row is the version read, including an update of that very row", async () => {
    const read = [{ table: "Application" as const, id, version: await versionNow() }];
    const retitle = Prisma.sql`UPDATE "Position" SET title = 'Head chef' WHERE "externalId" = 'P1'`;
    const [row] = await database.prisma.$queryRaw<{ unchanged: boolean }[]>(
      asOneStatementIfUnchanged(read, [setStatus("first"), retitle]),
    );
    expect(row).toEqual({ unchanged: true });
    expect(await statusNow()).toBe("first");
    expect((await database.prisma.position.findFirstOrThrow()).title).toBe("Head chef");
  });

  it("raises SH409 and keeps nothing when the row changed since it was read", async () => {
    const read = [{ table: "Application" as const, id, version: await versionNow() }];
    await database.prisma.$executeRaw(setStatus("meanwhile"));
    const attempt = database.prisma.$queryRaw(asOneStatementIfUnchanged(read, [setStatus("planned")]));
    await expect(attempt).rejects.toSatisfy(stale);
    expect(await statusNow()).toBe("meanwhile");
  });

  it.runIf(kind === "postgres")(
    "waits for a transaction that holds the row, and raises SH409 once it commits a change",
    async () => {
      const read = [{ table: "Application" as const, id, version: await versionNow() }];
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const other = database.prisma.$transaction(async (tx) => {
        await tx.$executeRaw(setStatus("other"));
        locked();
        await held;
      });
      await isLocked;
      const attempt = database.prisma.$queryRaw(asOneStatementIfUnchanged(read, [setStatus("planned")]));
      const settled = attempt.then(
        () => "written",
        (error) => (stale(error) ? "stale" : error),
      );
      // Still waiting for the other transaction's lock: nothing decided yet.
      expect(await Promise.race([settled, new Promise((r) => setTimeout(() => r("waiting"), 300))])).toBe("waiting");
      release();
      await other;
      expect(await settled).toBe("stale");
      expect(await statusNow()).toBe("other");
    },
  );
});
