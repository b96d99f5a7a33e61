// "Recover everything that failed since …" (Svix has it): every failed or dead delivery that gave up at or
// after a moment, in every organization the admin sees, counted by channel and error code for the
// confirmation, then retried with one set-based UPDATE through the same WHERE. Rows that changed between
// the count and the retry simply do not match; the result says how many were retried next to how many
// were confirmed.
import type { TScope } from "../../data/scope";
import type { Db } from "../../db/client";
import type { DbOrTx } from "../../db/tx";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { databaseNow, recordChange, updateDeliveries } from "../change-deliveries";
import { NO_ERROR_CODE } from "../delivery-log-filter";
import { failureWhere } from "./list-failure-groups";

export type TRecoveryCount = { channel: string; errorCode: string; count: number };
export type TRecoveryPlan = { since: string; total: number; byChannelAndError: TRecoveryCount[] };

export async function countFailedSince(db: DbOrTx, scope: TScope, since: Date): Promise<TRecoveryPlan> {
  const rows = await db.$queryRaw<{ channel: string; errorCode: string | null; count: number }[]>(
    Prisma.sql`SELECT channel, "lastErrorCode" AS "errorCode", count(*)::int AS count
      FROM "Delivery" ${failureWhere(scope, since)}
      GROUP BY channel, "lastErrorCode" ORDER BY count(*) DESC, channel`,
  );
  const byChannelAndError = rows.map((row) => ({
    channel: row.channel,
    errorCode: row.errorCode ?? NO_ERROR_CODE,
    count: row.count,
  }));
  return {
    since: since.toISOString(),
    total: byChannelAndError.reduce((sum, row) => sum + row.count, 0),
    byChannelAndError,
  };
}

// As the filter's bulk change: one UPDATE of every matching row may outlast Prisma's 5 s default.
const BULK_TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

export async function recoverFailedSince(
  db: Db,
  scope: TScope,
  input: { since: Date; confirmedCount: number },
  options: { actorLabel?: string; now?: Date } = {},
): Promise<{ retried: number; confirmed: number }> {
  return db.$transaction(async (tx) => {
    const now = options.now ?? (await databaseNow(tx));
    const changed = await updateDeliveries(tx, failureWhere(scope, input.since), "retry", now, {
      ...options,
      withIds: false,
    });
    if (changed.count === 0) {
      throw new AppError(
        "CONFLICT",
        `Nothing to recover: no delivery has failed or died since ${input.since.toISOString()} any more.`,
      );
    }
    await recordChange(tx, scope, changed, {
      action: "delivery.recover_since",
      targetId: null,
      details: { since: input.since.toISOString(), confirmedCount: input.confirmedCount, changed: changed.count },
    });
    return { retried: changed.count, confirmed: input.confirmedCount };
  }, BULK_TRANSACTION);
}

export function describeRecovery(result: { retried: number; confirmed: number }, since: Date): string {
  const what = `${result.retried} ${result.retried === 1 ? "delivery" : "deliveries"} that failed since ${since.toISOString()} queued to be sent now.`;
  if (result.retried === result.confirmed) return what;
  return `${what} You confirmed ${result.confirmed}; deliveries changed state in between.`;
}
