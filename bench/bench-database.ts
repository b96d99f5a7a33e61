// The bench's own PostgreSQL database: created through the admin connection, migrated with the
// product's migrations (lib/db/migrate.ts), and dropped again (WITH FORCE) by the cleanup stack.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { onCleanup } from "./cleanup";

export type BenchDatabase = { name: string; url: string };

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(
  adminUrl: string,
  options: { jitOff?: boolean; name?: string } = {},
): Promise<BenchDatabase> {
  // A named database (BENCH_DATABASE) is one the caller owns on a shared server: dropped and made anew.
  const name = options.name ?? `sh_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await withAdmin(adminUrl, async (client) => {
    if (options.name) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    if (options.jitOff) await client.query(`ALTER DATABASE "${name}" SET jit = off`);
  });
  onCleanup(`drop database ${name}`, async () => {
    await withAdmin(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      // A named database belongs to its user: it is left there again, empty.
      if (options.name) await client.query(`CREATE DATABASE "${name}"`);
    });
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = { name, url: url.toString() };
  await applyMigrations({ kind: "postgres", url: database.url });
  return database;
}

/** One connection for the bench's own queries (seeding, polling, the floor), closed at cleanup. */
export async function connectBench(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  onCleanup(`close ${applicationName} connection`, () => client.end());
  return client;
}
