// Cancel: a pending, failed or dead delivery becomes cancelled (lastErrorCode CANCELLED_BY_ADMIN) and is
// never sent. Delivered and expired rows are history and stay as they are; an in-flight row is refused
// because its request may already be on the wire. One conditional UPDATE, so it cannot race a worker's
// claim; recorded in the audit log in the same transaction.
import { recordAudit } from "../audit/record-audit";
import { inScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { notifyWorkers } from "../delivery/wake";
import {
  explainRefusals,
  nothingChangedError,
  type TAdminDeliveryChangeInput,
  type TAdminDeliveryChangeResult,
} from "./admin-delivery-change";
import { CANCELLABLE_STATES, CANCELLED_BY_ADMIN } from "./explain-schedule";

export async function cancelDeliveries(
  db: Db,
  scope: TScope,
  input: TAdminDeliveryChangeInput,
  options: { actorLabel?: string; now?: Date } = {},
): Promise<TAdminDeliveryChangeResult> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const changed = await tx.delivery.updateManyAndReturn({
      where: inScope(scope, { id: { in: input.deliveryIds }, state: { in: [...CANCELLABLE_STATES] } }),
      data: {
        state: "cancelled",
        lastErrorCode: CANCELLED_BY_ADMIN,
        lastError: `Cancelled by ${options.actorLabel ?? "an administrator"} at ${now.toISOString()}.`,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
      select: { id: true, organizationId: true },
    });
    const ids = changed.map((row) => row.id);
    const refused = await explainRefusals(tx, scope, input.deliveryIds, ids, "cancel", now);
    if (ids.length === 0) throw nothingChangedError(refused);
    const organizations = [...new Set(changed.map((row) => row.organizationId))];
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: organizations.length === 1 ? organizations[0] : null,
      action: "delivery.cancel",
      targetType: "delivery",
      targetId: ids.length === 1 ? ids[0] : null,
      count: ids.length,
      details: { deliveryIds: ids, refused: refused.map(({ id, state }) => ({ id, state })) },
    });
    // A cancelled row no longer holds back later rows of its ordering key.
    await notifyWorkers(tx);
    return { changed: ids, refused };
  });
}
