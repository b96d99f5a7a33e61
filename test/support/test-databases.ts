// Integration tests run against every database the product supports: an in-memory PGlite always, and a
// fresh PostgreSQL database per test file when TEST_DATABASE_URL is set. TEST_DATABASES (a comma list of
// "pglite", "postgres") narrows that: .ci/run runs PostgreSQL with the real clock and PGlite with the
// clock five years ahead (npm run test:future), each tier once (docs/decisions/0178).
// Schemas come from the committed migration files, so tests see exactly what users get.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPrisma, type Db } from "@/lib/db/client";
import { readMigrationList } from "@/lib/db/migrations";
import { closePglite, getPglite } from "@/lib/db/pglite";
import type { DatabaseTarget } from "@/lib/db/target";

export type DatabaseKind = "pglite" | "postgres";

export type TestDatabase = { kind: DatabaseKind; target: DatabaseTarget; prisma: Db; close(): Promise<void> };

export function databasesUnderTest(): DatabaseKind[] {
  const available: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const wanted = process.env.TEST_DATABASES?.trim();
  if (!wanted) return available;
  const kinds = wanted.split(",").map((k) => k.trim());
  for (const kind of kinds) {
    if (kind !== "pglite" && kind !== "postgres")
      throw new Error(`TEST_DATABASES: "${kind}" is not a database kind (pglite, postgres)`);
    if (!available.includes(kind)) throw new Error(`TEST_DATABASES names ${kind}, but TEST_DATABASE_URL is not set`);
  }
  return available.filter((kind) => kinds.includes(kind));
}

function migrationSql(): string[] {
  return readMigrationList().migrationDirectories.map((dir) => {
    const content = dir.migrationFile.content;
    if (content.tag !== "ok") throw new Error(`cannot read migration ${dir.path}`);
    return content.value;
  });
}

/** A fresh, empty (unmigrated) database of the given kind. */
export async function createEmptyDatabase(
  kind: DatabaseKind,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const name = `sh_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (kind === "pglite") {
    const target: DatabaseTarget = { kind: "pglite", dataDir: `memory://${name}` };
    return { target, drop: () => closePglite(target.dataDir) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A PGlite data folder with every committed migration applied, made once and kept in the temp folder
 * under a hash of the migrations and the PGlite version (a dump is only readable by the build that wrote
 * it): a new PGlite costs ~2 s to create and migrate, ~0.7 s to load from this copy, and every
 * integration file opens at least one. A file is written whole under another name and renamed, so a test
 * process reads either none or a complete one. Read once per process.
 */
let snapshot: Promise<Blob> | undefined;
function migratedPgliteSnapshot(): Promise<Blob> {
  snapshot ??= makeOrReadSnapshot();
  return snapshot;
}

async function makeOrReadSnapshot(): Promise<Blob> {
  const migrations = migrationSql();
  const key = createHash("sha256").update(pgliteVersion()).update(migrations.join("\n;\n")).digest("hex").slice(0, 16);
  const file = path.join(os.tmpdir(), `signalhouse-test-pglite-${key}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const lite = new PGlite(`memory://snapshot-${randomBytes(4).toString("hex")}`);
  for (const sql of migrations) await lite.exec(sql);
  const dump = await lite.dumpDataDir("none");
  await lite.close();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  return dump;
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** A fresh database with every committed migration applied, and a Prisma client for it. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const { target, drop } = await createEmptyDatabase(kind);
  if (target.kind === "pglite") {
    await getPglite(target.dataDir, { loadDataDir: await migratedPgliteSnapshot() }).waitReady;
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    for (const sql of migrationSql()) await client.query(sql);
    await client.end();
  }
  const prisma = createPrisma(target);
  return {
    kind,
    target,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await drop();
    },
  };
}
