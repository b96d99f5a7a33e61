// The webhook events that are not one delivery's state change, found by a periodic check in the worker
// loop (docs/decisions/0149). Each is written at most once per occurrence: a WebhookNotice row is the
// marker, inserted (or deleted, for a recovery) in the same transaction as the webhook rows, so two
// workers checking at once emit one event between them.
//   deadline.missed   a delivery with dueBy delivered after it, or still unsent past it (once per delivery)
//   channel.degraded  a board's circuit is open, or its oldest pending delivery is older than 60 s
//   channel.recovered neither is true any more (once per degraded → normal transition)

import type { Db } from "../db/client";
import type { DbTx } from "../db/tx";
import { DEFAULT_ORGANIZATION_SLUG } from "../organizations/default-organization";
import { enqueueDeliveryEvents, insertWebhookRows } from "./enqueue-webhook-events";
import { type ChannelEventData, subscribersFor, WEBHOOK_CHANNEL, type WebhookEventType } from "./webhook-events";

export const DEGRADED_AFTER_MS = 60_000;
/** late deliveries older than this are not reported any more (bounds the scan; a new subscription is not flooded) */
const DEADLINE_LOOKBACK_MS = 60 * 60_000;

type Tx = DbTx;

async function wanted(tx: Tx, type: WebhookEventType) {
  return tx.webhookSubscription.findMany({
    where: { disabled: false, events: { has: type } },
    select: { id: true, organizationId: true, events: true },
  });
}

/** deadline.missed for every delivery that missed its dueBy and was not reported yet. */
export async function emitMissedDeadlines(db: Db, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    if ((await wanted(tx, "deadline.missed")).length === 0) return 0;
    const since = new Date(now.getTime() - DEADLINE_LOOKBACK_MS);
    const marked = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "WebhookNotice" (key)
      SELECT 'deadline.missed:' || id FROM "Delivery"
      WHERE "dueBy" IS NOT NULL AND "dueBy" > ${since} AND "dueBy" < ${now} AND channel <> ${WEBHOOK_CHANNEL}
        AND (state IN ('pending', 'in_flight') OR (state = 'delivered' AND "deliveredAt" > "dueBy"))
      ON CONFLICT (key) DO NOTHING
      RETURNING key`;
    const changes = marked.map((m) => ({
      id: m.key.slice("deadline.missed:".length),
      type: "deadline.missed" as const,
    }));
    return enqueueDeliveryEvents(tx, changes, now);
  });
}

export type BoardHealth = { destination: string; channels: string[]; degraded: boolean; reason: string };

/** Whether each board destination is degraded now: an open circuit, or a pending row waiting over 60 s. */
export async function readBoardHealth(db: Db | Tx, now: Date): Promise<BoardHealth[]> {
  const rows = await db.$queryRaw<
    { destination: string; channels: string[]; oldest: Date | null; blocked: Date | null }[]
  >`
    WITH pending AS (
      SELECT destination, array_agg(DISTINCT channel) AS channels, min("createdAt") AS oldest
      FROM "Delivery" WHERE state IN ('pending', 'in_flight') AND channel <> ${WEBHOOK_CHANNEL}
      GROUP BY destination
    )
    SELECT COALESCE(p.destination, s.destination) AS destination, COALESCE(p.channels, ARRAY[]::text[]) AS channels,
           p.oldest, s."blockedUntil" AS blocked
    FROM pending p FULL JOIN "DestinationState" s ON s.destination = p.destination
    WHERE COALESCE(p.destination, s.destination) NOT LIKE 'webhook:%'`;
  return rows.map((r) => {
    const open = r.blocked !== null && r.blocked > now;
    const waiting = r.oldest !== null && now.getTime() - r.oldest.getTime() > DEGRADED_AFTER_MS;
    const reason = open
      ? `the circuit is open until ${r.blocked!.toISOString()}`
      : waiting
        ? `the oldest pending delivery has waited ${Math.round((now.getTime() - r.oldest!.getTime()) / 1000)} s`
        : "back to normal";
    return { destination: r.destination, channels: r.channels, degraded: open || waiting, reason };
  });
}

/** channel.degraded / channel.recovered to partner subscriptions, once per transition of a board. */
export async function emitChannelHealth(db: Db, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const subscriptions = [...(await wanted(tx, "channel.degraded")), ...(await wanted(tx, "channel.recovered"))];
    if (!subscriptions.some((s) => s.organizationId === null)) return 0;
    const owner = await tx.organization.findUnique({
      where: { slug: DEFAULT_ORGANIZATION_SLUG },
      select: { id: true },
    });
    if (!owner) return 0;
    const health = await readBoardHealth(tx, now);
    const reported = new Set(
      (await tx.webhookNotice.findMany({ where: { key: { startsWith: "channel:" } }, select: { key: true } })).map(
        (n) => n.key.slice("channel:".length),
      ),
    );
    const rows = [];
    for (const board of health) {
      let type: WebhookEventType | null = null;
      if (board.degraded && !reported.has(board.destination)) {
        const inserted = await tx.$executeRaw`
          INSERT INTO "WebhookNotice" (key) VALUES (${`channel:${board.destination}`}) ON CONFLICT (key) DO NOTHING`;
        if (inserted > 0) type = "channel.degraded";
      } else if (!board.degraded && reported.has(board.destination)) {
        const deleted = await tx.webhookNotice.deleteMany({ where: { key: `channel:${board.destination}` } });
        if (deleted.count > 0) type = "channel.recovered";
      }
      if (!type) continue;
      const data: ChannelEventData = {
        channel: board.channels.join(","),
        destination: board.destination,
        reason: board.reason,
      };
      const body = { type, timestamp: now.toISOString(), data };
      for (const s of subscribersFor(type, null, subscriptions)) {
        rows.push({ organizationId: owner.id, subscriptionId: s.id, body, now });
      }
    }
    // a board that is gone from both tables while reported degraded has recovered too
    for (const destination of reported) {
      if (health.some((b) => b.destination === destination)) continue;
      const deleted = await tx.webhookNotice.deleteMany({ where: { key: `channel:${destination}` } });
      if (deleted.count === 0) continue;
      const body = {
        type: "channel.recovered" as const,
        timestamp: now.toISOString(),
        data: { channel: "", destination, reason: "back to normal" } satisfies ChannelEventData,
      };
      for (const s of subscribersFor("channel.recovered", null, subscriptions)) {
        rows.push({ organizationId: owner.id, subscriptionId: s.id, body, now });
      }
    }
    const unique = new Map(rows.map((r) => [`${r.subscriptionId}:${r.body.type}:${r.body.data.destination}`, r]));
    return insertWebhookRows(tx, [...unique.values()]);
  });
}

/** The worker loop's periodic check (every few seconds, only in workers that serve the webhook channel). */
export async function emitOperationalEvents(db: Db, now: Date): Promise<number> {
  return (await emitMissedDeadlines(db, now)) + (await emitChannelHealth(db, now));
}
