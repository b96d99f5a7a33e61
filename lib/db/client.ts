// The one way the product gets a Prisma client, for PostgreSQL or the embedded PGlite alike.
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { adapterFor } from "./adapter";
import { type DatabaseTarget, databaseTarget } from "./target";

export type Db = PrismaClient;

const holder = globalThis as unknown as { __signalhousePrisma?: { key: string; client: PrismaClient } };

export function createPrisma(target: DatabaseTarget): PrismaClient {
  return new PrismaClient({ adapter: adapterFor(target) });
}

export function currentTarget(): DatabaseTarget {
  return databaseTarget(env());
}

/** The process-wide client for the configured database. */
export function db(): PrismaClient {
  const target = currentTarget();
  const key = JSON.stringify(target);
  if (holder.__signalhousePrisma?.key !== key) {
    holder.__signalhousePrisma = { key, client: createPrisma(target) };
  }
  return holder.__signalhousePrisma.client;
}
