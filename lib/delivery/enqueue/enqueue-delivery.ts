// Writes one outbox row inside the caller's transaction, so an accepted event and its deliveries commit
// together or not at all. A row whose identifier is already past its 180-day life is written as
// `expired` (visible in the dashboard, never sent) instead of being dropped.

import { newCuid } from "../../db/new-cuid";
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
 * follows that order, as if each had been enqueued alone one after the other. Raw SQL over unnest():
 * through Prisma's createMany each row cost milliseconds of CPU in the Node process, which was most
 * of a 1,000-change batch (docs/decisions/0145).
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
  const rows = deliveries.map((delivery) => ({ id: newCuid(), ...outboxRow(delivery, now) }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T | undefined) => rows.map((row) => pick(row) ?? null);
  // What Prisma writes for @default(now()) and @updatedAt: the time of the write, in UTC.
  const writtenAt = new Date();
  await tx.$executeRaw`
    INSERT INTO "Delivery" (id, "organizationId", "eventId", channel, kind, destination, payload, state, "lastError",
                            "lastErrorCode", "nextAttemptAt", "orderingKey", "dueBy", "expiresAt", "occurredAt",
                            "applicationId", "positionId", "candidateId", "tokenPrefix", "createdAt", "updatedAt")
    SELECT v.id, v.organization_id, v.event_id, v.channel, v.kind, v.destination, v.payload::jsonb,
           v.state::"DeliveryState", v.last_error, v.last_error_code, v.next_attempt_at, v.ordering_key, v.due_by,
           v.expires_at, v.occurred_at, v.application_id, v.position_id, v.candidate_id, v.token_prefix,
           ${writtenAt}::timestamp(3), ${writtenAt}::timestamp(3)
    FROM unnest(
      ${column((r) => r.id)}::text[], ${column((r) => r.organizationId)}::text[], ${column((r) => r.eventId)}::text[],
      ${column((r) => r.channel)}::text[], ${column((r) => r.kind)}::text[], ${column((r) => r.destination)}::text[],
      ${column((r) => JSON.stringify(r.payload))}::text[], ${column((r) => r.state)}::text[],
      ${column((r) => r.lastError)}::text[], ${column((r) => r.lastErrorCode)}::text[],
      ${column((r) => r.nextAttemptAt)}::timestamp(3)[], ${column((r) => r.orderingKey)}::text[],
      ${column((r) => r.dueBy)}::timestamp(3)[], ${column((r) => r.expiresAt)}::timestamp(3)[],
      ${column((r) => r.occurredAt)}::timestamp(3)[], ${column((r) => r.applicationId)}::text[],
      ${column((r) => r.positionId)}::text[], ${column((r) => r.candidateId)}::text[],
      ${column((r) => r.tokenPrefix)}::text[]
    ) WITH ORDINALITY AS v(id, organization_id, event_id, channel, kind, destination, payload, state, last_error,
                           last_error_code, next_attempt_at, ordering_key, due_by, expires_at, occurred_at,
                           application_id, position_id, candidate_id, token_prefix, n)
    ORDER BY v.n`;
  return rows.map(({ id, channel, state }) => ({ id, channel, state }));
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
