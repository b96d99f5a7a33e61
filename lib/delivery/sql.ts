// SQL pieces shared by the engine's raw queries. Timestamps are `timestamp(3)` without time zone holding
// UTC (as Prisma writes them), so the database clock is read as UTC explicitly: every worker compares
// leases and due times against one clock, the database's, whatever host it runs on.

import type { Db } from "../db/client";
import type { DbTx } from "../db/tx";
import { Prisma } from "../generated/prisma/client";

/** The client or an open transaction: engine functions run in either. */
export type DbClient = Db | DbTx;

/** now() as UTC `timestamp` (transaction start time, like now()). */
export const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** A millisecond count as an SQL interval. */
export function intervalMs(ms: number): Prisma.Sql {
  return Prisma.sql`make_interval(secs => ${Math.max(0, ms)}::double precision / 1000)`;
}
