// Which database this process talks to: PostgreSQL when DATABASE_URL is set, else embedded PGlite.
import path from "node:path";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseTarget(config: { DATABASE_URL?: string; SIGNALHOUSE_DATA_DIR: string }): DatabaseTarget {
  if (config.DATABASE_URL) return { kind: "postgres", url: config.DATABASE_URL };
  // "memory://<name>" keeps the embedded database in memory (tests, throwaway demos).
  if (config.SIGNALHOUSE_DATA_DIR.startsWith("memory://"))
    return { kind: "pglite", dataDir: config.SIGNALHOUSE_DATA_DIR };
  return { kind: "pglite", dataDir: path.resolve(config.SIGNALHOUSE_DATA_DIR, "pglite") };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
