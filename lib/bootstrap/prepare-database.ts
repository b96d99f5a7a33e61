// What every start does before serving: apply pending migrations, then make sure the `default`
// organization and (when configured) the first admin exist. Safe to run any number of times.

import { createPrisma } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { type DatabaseTarget, databaseTarget } from "../db/target";
import type { TEnv } from "../env";
import { ensureDefaultOrganization } from "../organizations/default-organization";
import { ensureFirstAdmin } from "./ensure-first-admin";

export type PrepareResult = {
  target: DatabaseTarget;
  appliedMigrations: string[];
  admin: "created" | "exists" | "needs-setup";
};

export async function prepareDatabase(config: TEnv): Promise<PrepareResult> {
  const target = databaseTarget(config);
  const appliedMigrations = await applyMigrations(target);
  const prisma = createPrisma(target);
  try {
    await ensureDefaultOrganization(prisma);
    const admin = await ensureFirstAdmin(prisma, {
      email: config.SIGNALHOUSE_ADMIN_EMAIL,
      password: config.SIGNALHOUSE_ADMIN_PASSWORD,
    });
    return { target, appliedMigrations, admin };
  } finally {
    await prisma.$disconnect();
  }
}
