// What retry-now and cancel share, whether they name rows (the detail page's buttons) or a filter (the log's
// bulk actions): one set-based UPDATE whose WHERE holds the selection, the scope and the states the change
// may touch, so a row a worker claimed a moment earlier simply does not match (its claim is itself an
// UPDATE from pending; whichever commits first wins). The audit row is written in the same transaction,
// and idle workers are woken at commit (docs/decisions/0043).
import { recordAudit, type TAuditEntry } from "../audit/record-audit";
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { probeDestinationsNow } from "../delivery/record/destination-health";
import { notifyWorkers } from "../delivery/run/wake";
import { DB_NOW } from "../delivery/sql";
import { Prisma } from "../generated/prisma/client";
import { deliveryLogWhere } from "./delivery-log-where";
import { CANCELLABLE_STATES, CANCELLED_BY_ADMIN, RETRYABLE_STATES } from "./explain-schedule";
import type { TResolvedLogFilter } from "./resolve-log-filter";

export type TChangeVerb = "retry" | "cancel";

export type TChangeOptions = { actorLabel?: string; now?: Date };

const STATES: Record<TChangeVerb, readonly string[]> = { retry: RETRYABLE_STATES, cancel: CANCELLABLE_STATES };

function setClause(verb: TChangeVerb, now: Date, options: TChangeOptions): Prisma.Sql {
  // None of the changeable states is in flight, so lease fields are stale leftovers, if anything.
  const common = Prisma.sql`"leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${DB_NOW}`;
  if (verb === "retry") {
    // Due at the database's clock, the one workers compare nextAttemptAt with.
    return Prisma.sql`state = 'pending', "nextAttemptAt" = ${DB_NOW}, ${common}`;
  }
  const reason = `Cancelled by ${options.actorLabel ?? "an administrator"} at ${now.toISOString()}.`;
  return Prisma.sql`state = 'cancelled', "lastErrorCode" = ${CANCELLED_BY_ADMIN}, "lastError" = ${reason}, ${common}`;
}

/** The WHERE that limits a change to the rows its verb may touch, within the scope, plus `selection`. */
export function changeableWhere(
  scope: TScope,
  verb: TChangeVerb,
  filter: TResolvedLogFilter,
  selection: Prisma.Sql[] = [],
) {
  const states = Prisma.sql`state IN (${Prisma.join(STATES[verb].map((state) => Prisma.sql`${state}::"DeliveryState"`))})`;
  return deliveryLogWhere(scope, filter, [...selection, states]);
}

export type TChangedRows = { ids: string[]; count: number; organizationIds: string[] };

/**
 * Runs the change inside `tx` and returns what it changed. `withIds` returns every changed id (for a
 * handful of rows named on a page); a bulk change returns the count only, however many rows it touched.
 */
export async function updateDeliveries(
  tx: DbOrTx,
  where: Prisma.Sql,
  verb: TChangeVerb,
  now: Date,
  options: TChangeOptions & { withIds: boolean },
): Promise<TChangedRows> {
  const [row] = await tx.$queryRaw<
    { ids: string[] | null; count: number; organizationIds: string[] | null; destinations: string[] | null }[]
  >(
    Prisma.sql`WITH changed AS (UPDATE "Delivery" SET ${setClause(verb, now, options)} ${where}
                              RETURNING id, "organizationId", destination)
      SELECT ${options.withIds ? Prisma.sql`array_agg(id)` : Prisma.sql`NULL::text[]`} AS ids, count(*)::int AS count,
             array_agg(DISTINCT "organizationId") AS "organizationIds",
             array_agg(DISTINCT destination) AS destinations FROM changed`,
  );
  if (verb === "retry") await probeDestinationsNow(tx, row?.destinations ?? []);
  return { ids: row?.ids ?? [], count: row?.count ?? 0, organizationIds: row?.organizationIds ?? [] };
}

/** The audit row, then the workers' wake-up, both inside the change's transaction. */
export async function recordChange(
  tx: DbOrTx,
  scope: TScope,
  changed: TChangedRows,
  entry: Pick<TAuditEntry, "action" | "targetId" | "details">,
): Promise<void> {
  await recordAudit(tx, {
    actorUserId: scope.actorUserId,
    actor: scope.actor,
    organizationId: changed.organizationIds.length === 1 ? changed.organizationIds[0] : null,
    targetType: "delivery",
    count: changed.count,
    ...entry,
  });
  // Retried rows are due now; cancelled rows stop holding back their ordering key.
  await notifyWorkers(tx);
}

/** "Now" on the database's clock (what DB_NOW sets), for messages and refusal reasons. */
export async function databaseNow(tx: DbOrTx): Promise<Date> {
  const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return clock?.now ?? new Date();
}
