// Writes one outbox row inside the caller's transaction, so an accepted event and its deliveries commit
// together or not at all. A row whose identifier is already past its 180-day life is written as
// `expired` (visible in the dashboard, never sent) instead of being dropped.

import { newCuid } from "../../db/new-cuid";
import type { DbTx } from "../../db/tx";
import { Prisma } from "../../generated/prisma/client";
import type { ChannelName } from "../channel";
import { expiredMessage, IDENTIFIER_EXPIRED, isExpired } from "./identifier-expiry";
import { orderingKeysLocked } from "./lock-ordering-key";

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
  const insert = deliveriesInsert(deliveries, now);
  await tx.$executeRaw(insert.sql);
  return insert.queued;
}

/**
 * The INSERT of enqueueDeliveries as one statement, for a writer that sends it together with its own
 * writes (lib/db/one-statement.ts); it takes the rows' ordering-key locks itself, before any seq is
 * drawn (lock-ordering-key.ts). Rows are stamped with `now`, the clock of the request that wrote them.
 */
export function deliveriesInsert(
  deliveries: readonly NewDelivery[],
  now: Date,
): { sql: Prisma.Sql; queued: QueuedDelivery[] } {
  const rows = deliveries.map((delivery) => ({ id: newCuid(), ...outboxRow(delivery, now) }));
  const fields = Object.keys(COLUMNS) as (keyof OutboxRow)[];
  const names = fields.map((f) => `"${f}"`).join(", ");
  const selected = fields.map((f, i) => `v.c${i}${COLUMNS[f].cast ? `::${COLUMNS[f].cast}` : ""}`).join(", ");
  const arrays = fields.map((f) => {
    const value = (row: OutboxRow) => (f === "payload" ? JSON.stringify(row.payload) : (row[f] ?? null));
    return Prisma.sql`${rows.map(value)}::${Prisma.raw(COLUMNS[f].array)}[]`;
  });
  const aliases = fields.map((_, i) => `c${i}`).join(", ");
  const keys = rows.flatMap((row) => (row.orderingKey ? [row.orderingKey] : []));
  const sql = Prisma.sql`
    INSERT INTO "Delivery" (${Prisma.raw(names)}, "createdAt", "updatedAt")
    SELECT ${Prisma.raw(selected)}, ${now}::timestamp(3), ${now}::timestamp(3)
    FROM unnest(${Prisma.join(arrays)}) WITH ORDINALITY AS v(${Prisma.raw(aliases)}, n)
    WHERE ${keys.length > 0 ? orderingKeysLocked(keys) : Prisma.sql`true`}
    ORDER BY v.n`;
  return { sql, queued: rows.map(({ id, channel, state }) => ({ id, channel, state })) };
}

type OutboxRow = ReturnType<typeof outboxRow> & { id: string };

/**
 * Each field of an outbox row: the element type of its unnest() array and the cast into its column. The
 * column is the field's name. Every field must be listed (the mapped type), so a new NewDelivery field
 * is a type error here until it is written, never silently dropped.
 */
const COLUMNS: { [K in keyof OutboxRow]-?: { array: "text" | "timestamp(3)"; cast?: string } } = {
  id: { array: "text" },
  organizationId: { array: "text" },
  eventId: { array: "text" },
  channel: { array: "text" },
  kind: { array: "text" },
  destination: { array: "text" },
  payload: { array: "text", cast: "jsonb" },
  state: { array: "text", cast: '"DeliveryState"' },
  lastError: { array: "text" },
  lastErrorCode: { array: "text" },
  nextAttemptAt: { array: "timestamp(3)" },
  orderingKey: { array: "text" },
  dueBy: { array: "timestamp(3)" },
  expiresAt: { array: "timestamp(3)" },
  occurredAt: { array: "timestamp(3)" },
  applicationId: { array: "text" },
  positionId: { array: "text" },
  candidateId: { array: "text" },
  tokenPrefix: { array: "text" },
};

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
