// The driver adapter the migrator uses. @prisma/adapter-pg runs a migration script by splitting it on
// every ";" — inside comments, strings and function bodies too — so a migration with a trigger
// function (prisma/migrations/*_delivery_notify) breaks on PostgreSQL. The Prisma CLI's native engine
// sends the whole script in one simple-protocol query; this adapter does the same. PGlite's adapter
// already runs whole scripts (`exec`).
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { adapterFor } from "./adapter";
import type { DatabaseTarget } from "./target";

// What PrismaPgAdapter has beyond the interface: its pool, and its pg-error mapping.
type PgAdapter = SqlDriverAdapter & { underlyingDriver(): pg.Pool; onError?(error: unknown): never };

function runWholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const withErrors = adapter as PgAdapter;
  const pool = withErrors.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      // the adapter's own mapping turns a pg error into the error the schema engine understands
      if (withErrors.onError) withErrors.onError(error);
      throw error;
    }
  };
  return adapter;
}

export function migrationAdapterFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  const factory = adapterFor(target);
  if (target.kind !== "postgres") return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => runWholeScripts(await factory.connect()),
    connectToShadowDb: async () => runWholeScripts(await factory.connectToShadowDb()),
  };
}
