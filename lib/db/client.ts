// The one way the product gets a Prisma client, for PostgreSQL or the embedded PGlite alike.
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { adapterFor } from "./adapter";
import { type DatabaseTarget, databaseTarget } from "./target";

/**
 * Secret columns no default query returns (docs/decisions/0132-secret-fence-by-global-omit.md): a
 * `findFirst` without a `select`, an `include`, a row handed to a page or a log, never carries them.
 * The few readers that need one opt in by name with `omit: { field: false }` or `select: { field: true }`.
 */
export const SECRET_COLUMNS = {
  organization: { linkedinClientSecretEnc: true },
  user: { passwordHash: true },
  apiKey: { hash: true },
  partnerApiKey: { hash: true },
  webhookSubscription: { secretEnc: true },
  accessToken: { tokenEnc: true },
  seekTokenCapture: { token: true },
} as const;

export type Db = PrismaClient<never, typeof SECRET_COLUMNS>;

const holder = globalThis as unknown as { __signalhousePrisma?: { key: string; client: Db } };

export function createPrisma(target: DatabaseTarget): Db {
  return new PrismaClient({ adapter: adapterFor(target), omit: SECRET_COLUMNS });
}

export function currentTarget(): DatabaseTarget {
  return databaseTarget(env());
}

/** The process-wide client for the configured database. */
export function db(): Db {
  const target = currentTarget();
  const key = JSON.stringify(target);
  if (holder.__signalhousePrisma?.key !== key) {
    holder.__signalhousePrisma = { key, client: createPrisma(target) };
  }
  return holder.__signalhousePrisma.client;
}
