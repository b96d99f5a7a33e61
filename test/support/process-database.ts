// Points the process-wide configuration (env(), db()) at a fresh, migrated database of the given kind,
// for tests of code that takes its database from the environment (route handlers, the inline worker).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { closePglite } from "@/lib/db/pglite";
import type { DatabaseTarget } from "@/lib/db/target";
import { resetEnvCache } from "@/lib/env";
import { createEmptyDatabase, type DatabaseKind } from "./test-databases";

export async function useProcessDatabase(
  kind: DatabaseKind,
  env: Record<string, string | undefined> = {},
): Promise<{ target: DatabaseTarget; restore(): Promise<void> }> {
  const saved = { ...process.env };
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sh-process-db-"));
    process.env.SIGNALHOUSE_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const pgliteDir = path.join(dataDir, "pglite");
    target = { kind: "pglite", dataDir: pgliteDir };
    drop = async () => {
      await closePglite(pgliteDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  } else {
    const created = await createEmptyDatabase("postgres");
    target = created.target;
    drop = created.drop;
    process.env.DATABASE_URL = target.kind === "postgres" ? target.url : "";
  }
  Object.assign(process.env, env);
  resetEnvCache();
  await applyMigrations(target);
  return {
    target,
    restore: async () => {
      await db().$disconnect();
      process.env = saved;
      resetEnvCache();
      await drop();
    },
  };
}
