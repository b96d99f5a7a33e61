// The Prisma driver adapter for a database target; shared by the client and the migrator.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getPglite } from "./pglite";
import type { DatabaseTarget } from "./target";

export function adapterFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PrismaPg({ connectionString: target.url, max: 10 });
  return new PrismaPGlite(getPglite(target.dataDir));
}
