// The Prisma driver adapter for a database target; shared by the client and the migrator.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getPglite } from "./pglite";
import { statementName } from "./prepared-statement";
import type { DatabaseTarget } from "./target";

export function adapterFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  // JIT off: our queries are short OLTP statements, and the planner's cost estimate for the claim query
  // over a deep outbox made PostgreSQL JIT-compile it on every claim (0.7–3 s each; see bench/).
  // Named statements: only the few marked with prepared() (./prepared-statement.ts).
  if (target.kind === "postgres") {
    return new PrismaPg(
      { connectionString: target.url, max: 10, options: "-c jit=off" },
      { statementNameGenerator: (query) => statementName(query.sql) },
    );
  }
  return new PrismaPGlite(getPglite(target.dataDir));
}
