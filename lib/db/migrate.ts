// Applies pending migrations from prisma/migrations and records them in _prisma_migrations exactly as
// `prisma migrate deploy` does, so either tool can take over the same database.
import { migrationAdapterFor } from "./migration-adapter";
import { readMigrationList, readSchema } from "./migrations";
import { NO_FILTERS, openSchemaEngine } from "./schema-engine";
import type { DatabaseTarget } from "./target";

export async function applyMigrations(target: DatabaseTarget): Promise<string[]> {
  const engine = await openSchemaEngine(migrationAdapterFor(target), readSchema());
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}
