// Retry now: a pending, failed or dead delivery becomes pending and due at once. Its attempt count is kept
// (the log goes on), and a row a worker holds is never touched: the state condition is in the UPDATE
// itself, so it cannot race a claim (a claim is an UPDATE from pending to in_flight; whichever commits
// first wins, and the other matches nothing). Recorded in the audit log in the same transaction.
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
import { RETRYABLE_STATES } from "./explain-schedule";

export async function retryDeliveriesNow(
  db: Db,
  scope: TScope,
  input: TAdminDeliveryChangeInput,
): Promise<TAdminDeliveryChangeResult> {
  return db.$transaction(async (tx) => {
    // "Now" is the database's clock, the one workers compare nextAttemptAt with.
    const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const now = clock?.now ?? new Date();
    const changed = await tx.delivery.updateManyAndReturn({
      where: inScope(scope, { id: { in: input.deliveryIds }, state: { in: [...RETRYABLE_STATES] } }),
      // None of these rows is in flight, so their lease fields are stale leftovers, if anything.
      data: { state: "pending", nextAttemptAt: now, leaseOwner: null, leaseExpiresAt: null },
      select: { id: true, organizationId: true },
    });
    const ids = changed.map((row) => row.id);
    const refused = await explainRefusals(tx, scope, input.deliveryIds, ids, "retry", now);
    if (ids.length === 0) throw nothingChangedError(refused);
    const organizations = [...new Set(changed.map((row) => row.organizationId))];
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: organizations.length === 1 ? organizations[0] : null,
      action: "delivery.retry_now",
      targetType: "delivery",
      targetId: ids.length === 1 ? ids[0] : null,
      count: ids.length,
      details: { deliveryIds: ids, refused: refused.map(({ id, state }) => ({ id, state })) },
    });
    // Due now: wake idle workers at commit rather than at their next poll (docs/decisions/0043).
    await notifyWorkers(tx);
    return { changed: ids, refused };
  });
}
