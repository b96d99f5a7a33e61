// Retry now / cancel of deliveries named by id (the detail page's buttons): the change, then why each
// named row that did not change was left alone. Nothing changed → an AppError saying why, nothing written.
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
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
