// Writes one outbox row inside the caller's transaction, so an accepted event and its deliveries commit
// together or not at all. A row whose identifier is already past its 180-day life is written as
// `expired` (visible in the dashboard, never sent) instead of being dropped.

import type { DbTx } from "../../db/tx";
import type { Prisma } from "../../generated/prisma/client";
import type { ChannelName } from "../channel";
import { expiredMessage, IDENTIFIER_EXPIRED, isExpired } from "./identifier-expiry";
import { lockOrderingKey } from "./lock-ordering-key";

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
  // seq is drawn at insert, not commit: without the lock two writers of one key could commit out of order.
  if (delivery.orderingKey) await lockOrderingKey(tx, delivery.orderingKey);
  const expiresAt = delivery.expiresAt;
  const expired = expiresAt !== undefined && isExpired(expiresAt, now);
  return tx.delivery.create({
    data: {
      ...delivery,
      state: expired ? "expired" : "pending",
      lastError: expired ? expiredMessage(expiresAt) : null,
      lastErrorCode: expired ? IDENTIFIER_EXPIRED : null,
      nextAttemptAt: now,
    },
    select: { id: true, channel: true, state: true },
  });
}
