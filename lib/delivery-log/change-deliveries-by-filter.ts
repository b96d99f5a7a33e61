// Bulk retry / cancel of everything the log's filter matches ("Requeue dead" is retry with state=dead).
// Two steps: count what the change would touch (the confirmation shows it), then change it with one
// set-based UPDATE through the same WHERE. Both re-resolve the filter from the zod-parsed input, within
// the caller's scope, so the change cannot reach past the filter or the organization. Rows may move
// between the two steps (a worker delivers one, new dead rows arrive): the result says how many changed
// next to how many were confirmed.
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";
import {
  changeableWhere,
  databaseNow,
  recordChange,
  type TChangeOptions,
  type TChangeVerb,
  updateDeliveries,
} from "./change-deliveries";
import { describeFilter, type TDeliveryLogFilter } from "./delivery-log-filter";
import { resolveLogFilter } from "./resolve-log-filter";

// One UPDATE of every matching row: on a large outbox that outlasts Prisma's 5 s default for a transaction.
const BULK_TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

const ACTION: Record<TChangeVerb, string> = { retry: "delivery.bulk_retry", cancel: "delivery.bulk_cancel" };

/** How many matching deliveries the change would touch (the states it may change, within the scope). */
export async function countChangeableDeliveries(
  db: DbOrTx,
  scope: TScope,
  verb: TChangeVerb,
  filter: TDeliveryLogFilter,
): Promise<number> {
  const resolved = await resolveLogFilter(db, scope, filter);
  const [row] = await db.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM "Delivery" ${changeableWhere(scope, verb, resolved)}`,
  );
  return row?.count ?? 0;
}

export type TBulkChangeResult = { changed: number; confirmed: number; filter: string };

/** A filter as JSON for the audit row (dates as ISO strings). */
function filterForAudit(filter: TDeliveryLogFilter): Prisma.InputJsonObject {
  return Object.fromEntries(
    Object.entries(filter).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, value instanceof Date ? value.toISOString() : value]],
    ),
  );
}

export async function changeDeliveriesByFilter(
  db: Db,
  scope: TScope,
  verb: TChangeVerb,
  input: { filter: TDeliveryLogFilter; confirmedCount: number },
  options: TChangeOptions = {},
): Promise<TBulkChangeResult> {
  return db.$transaction(async (tx) => {
    const now = options.now ?? (await databaseNow(tx));
    const resolved = await resolveLogFilter(tx, scope, input.filter);
    const changed = await updateDeliveries(tx, changeableWhere(scope, verb, resolved), verb, now, {
      ...options,
      withIds: false,
    });
    const filter = describeFilter(input.filter);
    if (changed.count === 0) {
      throw new AppError(
        "CONFLICT",
        `Nothing to ${verb}: no pending, failed or dead delivery matches ${filter} any more.`,
      );
    }
    await recordChange(tx, scope, changed, {
      action: ACTION[verb],
      targetId: null,
      details: { filter: filterForAudit(input.filter), confirmedCount: input.confirmedCount, changed: changed.count },
    });
    return { changed: changed.count, confirmed: input.confirmedCount, filter };
  }, BULK_TRANSACTION);
}

/** The admin's message after a bulk change, saying so when rows moved between confirming and changing. */
export function describeBulkChange(result: TBulkChangeResult, verb: TChangeVerb): string {
  const done = verb === "retry" ? "queued to be sent now" : "cancelled";
  const what = `${result.changed} ${result.changed === 1 ? "delivery" : "deliveries"} ${done} (${result.filter}).`;
  if (result.changed === result.confirmed) return what;
  return `${what} You confirmed ${result.confirmed}; deliveries changed state in between, so ${result.changed} matched when it ran.`;
}
