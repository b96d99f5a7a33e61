// Writes one outbox row inside the caller's transaction, so an accepted event and its deliveries commit
// together or not at all. A row whose identifier is already past its 180-day life is written as
// `expired` (visible in the dashboard, never sent) instead of being dropped.

import type { DbTx } from "../../db/tx";
import type { Prisma } from "../../generated/prisma/client";
import type { ChannelName } from "../channel";
import { expiredMessage, IDENTIFIER_EXPIRED, isExpired } from "./identifier-expiry";
import { lockOrderingKeys } from "./lock-ordering-key";

export type NewDelivery = {
  organizationId: string;
  eventId: string;
  channel: ChannelName;
  kind: string;
  destination: string;
  payload: Prisma.InputJsonValue;
  occurredAt: Date;
  expiresAt?: Date;
  orderingKey?: string;
  dueBy?: Date;
  applicationId?: string;
  positionId?: string;
  candidateId?: string;
  tokenPrefix?: string;
};

export type QueuedDelivery = { id: string; channel: string; state: string };

export { TOKEN_PREFIX_LENGTH } from "./token-prefix-length";

export async function enqueueDelivery(tx: DbTx, delivery: NewDelivery, now: Date): Promise<QueuedDelivery> {
  const [queued] = await enqueueDeliveries(tx, [delivery], now);
  return queued!;
}

/**
 * Many outbox rows in one INSERT (a batch of status changes), answered in the order given; their seq
 * follows that order, as if each had been enqueued alone one after the other.
 */
export async function enqueueDeliveries(
  tx: DbTx,
  deliveries: readonly NewDelivery[],
  now: Date,
): Promise<QueuedDelivery[]> {
  if (deliveries.length === 0) return [];
  // seq is drawn at insert, not commit: without the lock two writers of one key could commit out of order.
  await lockOrderingKeys(
    tx,
    deliveries.flatMap((d) => (d.orderingKey ? [d.orderingKey] : [])),
  );
  const rows = await tx.delivery.createManyAndReturn({
    data: deliveries.map((delivery) => outboxRow(delivery, now)),
    select: { id: true, channel: true, state: true, eventId: true, kind: true },
  });
  // RETURNING answers in VALUES order on PostgreSQL; a caller maps rows to its changes by position, so
  // that is checked rather than assumed.
  return rows.map(({ id, channel, state, eventId, kind }, i) => {
    const given = deliveries[i];
    if (!given || given.eventId !== eventId || given.kind !== kind)
      throw new Error("outbox rows came back out of order");
    return { id, channel, state };
  });
}

function outboxRow(delivery: NewDelivery, now: Date) {
  const expiresAt = delivery.expiresAt;
  const expired = expiresAt !== undefined && isExpired(expiresAt, now);
  return {
    ...delivery,
    state: expired ? ("expired" as const) : ("pending" as const),
    lastError: expired ? expiredMessage(expiresAt) : null,
    lastErrorCode: expired ? IDENTIFIER_EXPIRED : null,
    nextAttemptAt: now,
  };
}
