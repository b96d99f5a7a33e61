// The one client module and the one migrator work the same on PGlite and PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrationList } from "@/lib/db/migrations";
import { createEmptyDatabase, databasesUnderTest } from "../support/test-databases";

describe.each(databasesUnderTest())("database on %s", (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("applies every committed migration once, records it as the Prisma CLI does, and applies nothing the second time", async () => {
    const { target, drop } = await createEmptyDatabase(kind);
    cleanups.push(drop);
    const expected = readMigrationList().migrationDirectories.map((d) => d.path);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(target)).toEqual(expected);
    expect(await applyMigrations(target)).toEqual([]);

    const prisma = createPrisma(target);
    cleanups.push(() => prisma.$disconnect());
    const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("gives a working client: writes and reads back through the migrated schema", async () => {
    const { target, drop } = await createEmptyDatabase(kind);
    cleanups.push(drop);
    await applyMigrations(target);
    const prisma = createPrisma(target);
    cleanups.push(() => prisma.$disconnect());
    const org = await prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ slug: "acme" });
    // The unique constraint from the schema exists in the database.
    await expect(prisma.organization.create({ data: { slug: "acme", name: "Again" } })).rejects.toThrow();
  });
});
