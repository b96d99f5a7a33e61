// One PGlite per process and data folder: PGlite is a single connection, and Next can load this module
// more than once (instrumentation, route handlers, actions), so the instance lives on globalThis.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

const holder = globalThis as unknown as { __signalhousePglite?: Map<string, PGlite> };

/**
 * The process's PGlite for this folder, opened on first use. `loadDataDir` (a `dumpDataDir()` tarball)
 * starts a new folder from a copy instead of an empty database; it is ignored once the folder is open.
 */
export function getPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): PGlite {
  holder.__signalhousePglite ??= new Map();
  let db = holder.__signalhousePglite.get(dataDir);
  if (!db) {
    // PGlite does not create missing parent folders ("memory://" folders live in memory).
    if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
    db = new PGlite(dataDir, options);
    holder.__signalhousePglite.set(dataDir, db);
  }
  return db;
}

export async function closePglite(dataDir: string): Promise<void> {
  const db = holder.__signalhousePglite?.get(dataDir);
  if (!db) return;
  holder.__signalhousePglite?.delete(dataDir);
  await db.close();
}
