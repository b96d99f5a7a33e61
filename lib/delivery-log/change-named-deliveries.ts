// Retry now / cancel of deliveries named by id (the detail page's buttons): the change, then why each
// named row that did not change was left alone. Nothing changed → an AppError saying why, nothing written.
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { DbOrTx } from "../db/tx";
import { Prisma } from "../generated/prisma/client";
import {
  explainRefusals,
  nothingChangedError,
  type TAdminDeliveryChangeInput,
  type TAdminDeliveryChangeResult,
} from "./admin-delivery-change";
import {
  changeableWhere,
  databaseNow,
  recordChange,
  type TChangeOptions,
  type TChangeVerb,
  updateDeliveries,
} from "./change-deliveries";

/**
 * How many of the named deliveries the change would touch now (the rest are delivered, in flight, expired,
 * cancelled or outside the scope): what the log's "Retry 7 selected?" confirmation shows.
 */
export async function countChangeableNamed(
  db: DbOrTx,
  scope: TScope,
  verb: TChangeVerb,
  input: TAdminDeliveryChangeInput,
): Promise<number> {
  const named = Prisma.sql`id IN (${Prisma.join(input.deliveryIds)})`;
  const [row] = await db.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM "Delivery" ${changeableWhere(scope, verb, {}, [named])}`,
  );
  return row?.count ?? 0;
}

const ACTION: Record<TChangeVerb, string> = { retry: "delivery.retry_now", cancel: "delivery.cancel" };

export async function changeNamedDeliveries(
  db: Db,
  scope: TScope,
  verb: TChangeVerb,
  input: TAdminDeliveryChangeInput,
  options: TChangeOptions = {},
): Promise<TAdminDeliveryChangeResult> {
  return db.$transaction(async (tx) => {
    const now = options.now ?? (await databaseNow(tx));
    const named = Prisma.sql`id IN (${Prisma.join(input.deliveryIds)})`;
    const changed = await updateDeliveries(tx, changeableWhere(scope, verb, {}, [named]), verb, now, {
      ...options,
      withIds: true,
    });
    const refused = await explainRefusals(tx, scope, input.deliveryIds, changed.ids, verb, now);
    if (changed.count === 0) throw nothingChangedError(refused);
    await recordChange(tx, scope, changed, {
      action: ACTION[verb],
      targetId: changed.ids.length === 1 ? changed.ids[0] : null,
      details: { deliveryIds: changed.ids, refused: refused.map(({ id, state }) => ({ id, state })) },
    });
    return { changed: changed.ids, refused };
  });
}
