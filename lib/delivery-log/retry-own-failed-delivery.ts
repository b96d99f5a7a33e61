// A hirer's "Retry" on one of their organization's failed (or dead) deliveries, from the position and
// application pages and the embedded portal: the admins' retry-now (docs/decisions/0072), narrowed to what
// a hirer may ask for. Another organization's id, or a delivery that has not failed, is NOT_FOUND.
import { inScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { DeliveryState } from "../generated/prisma/enums";
import { retryDeliveriesNow } from "./retry-deliveries-now";

const RETRYABLE: DeliveryState[] = ["failed", "dead"];

export async function retryOwnFailedDelivery(db: Db, scope: TScope, deliveryId: string): Promise<void> {
  const failed = await db.delivery.findFirst({
    where: inScope(scope, { id: deliveryId, state: { in: RETRYABLE } }),
    select: { id: true },
  });
  if (!failed) throw new AppError("NOT_FOUND", "No failed delivery to retry here: it may have been sent already.");
  await retryDeliveriesNow(db, scope, { deliveryIds: [failed.id] });
}
