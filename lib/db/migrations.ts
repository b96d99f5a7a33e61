// Reads prisma/migrations in the layout the Prisma CLI writes and reads, so both tools share one history.
import fs from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

export function readSchema(): { path: string; content: string } {
  return { path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") };
}

export function readMigrationList(baseDir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(baseDir, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: fs.existsSync(lockPath)
      ? { path: "migration_lock.toml", content: fs.readFileSync(lockPath, "utf8") }
      : { path: "migration_lock.toml", content: null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}
