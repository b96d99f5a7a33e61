// npm run db:migrate: apply pending migrations to the configured database (same as `prisma migrate deploy`).
import { applyMigrations } from "../lib/db/migrate";
import { closePglite } from "../lib/db/pglite";
import { databaseTarget, describeTarget } from "../lib/db/target";
import { parseEnv } from "../lib/env";

const target = databaseTarget(parseEnv(process.env));
const applied = await applyMigrations(target);
console.log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
if (target.kind === "pglite") await closePglite(target.dataDir);
process.exit(0);
