// One PGlite per process and data folder: PGlite is a single connection, and Next can load this module
// more than once (instrumentation, route handlers, actions), so the instance lives on globalThis.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

const holder = globalThis as unknown as { __signalhousePglite?: Map<string, PGlite> };

export function getPglite(dataDir: string): PGlite {
  holder.__signalhousePglite ??= new Map();
  let db = holder.__signalhousePglite.get(dataDir);
  if (!db) {
    // PGlite does not create missing parent folders ("memory://" folders live in memory).
    if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
    db = new PGlite(dataDir);
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
