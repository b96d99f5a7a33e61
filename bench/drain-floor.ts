// The floor: the same drain with no engine and no HTTP. One plain `pg` connection claims 100 rows with
// the outbox's claim shape (UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) RETURNING, payload
// included, as a sender needs it) and marks them delivered, until nothing is left. What the engine
// does on top (send, attempt log, lease guards, heartbeats) is what the ratio engine/floor measures.
import os from "node:os";
import type pg from "pg";

export type FloorResult = {
  deliveries: number;
  delivered: number;
  seconds: number;
  deliveriesPerSecond: number;
  batches: number;
  loadAverage: { before: number; after: number };
};

const CLAIM = `
  WITH picked AS (
    SELECT d.id FROM "Delivery" d
    WHERE d.channel = 'seek-signal' AND d.state = 'pending' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
    ORDER BY d."dueBy" ASC NULLS LAST, d."nextAttemptAt" ASC, d.seq ASC
    LIMIT 100
    FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE "Delivery" AS t
  SET state = 'in_flight', "leaseOwner" = 'bench-floor',
      "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + interval '1 minute',
      attempts = t.attempts + 1, "updatedAt" = (now() AT TIME ZONE 'UTC')
  FROM picked WHERE t.id = picked.id
  RETURNING t.id, t.payload`;

const MARK_DELIVERED = `
  UPDATE "Delivery"
  SET state = 'delivered', "deliveredAt" = (now() AT TIME ZONE 'UTC'), "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
  WHERE id = ANY($1::text[]) AND "leaseOwner" = 'bench-floor' AND state = 'in_flight'`;

export async function drainFloor(client: pg.Client, deliveries: number, timeoutMs: number): Promise<FloorResult> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const started = performance.now();
  let delivered = 0;
  let batches = 0;
  while (performance.now() - started < timeoutMs) {
    const { rows } = await client.query<{ id: string; payload: unknown }>(CLAIM);
    if (rows.length === 0) break;
    const marked = await client.query(MARK_DELIVERED, [rows.map((r) => r.id)]);
    delivered += marked.rowCount ?? 0;
    batches++;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    deliveries,
    delivered,
    seconds,
    deliveriesPerSecond: delivered / seconds,
    batches,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
  };
}
