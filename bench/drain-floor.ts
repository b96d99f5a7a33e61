// The floors: the same drain with no engine and no HTTP, on one plain `pg` connection, 100 rows a batch.
// - "claim+mark": claims with the outbox's claim shape (UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)
//   RETURNING, payload included, as a sender needs it), then marks them delivered: the two row versions
//   per signal an at-least-once outbox with leases writes at least (the claim must be durable before the
//   request leaves, or a killed worker's rows are never re-sent). What the engine does on top (send,
//   attempt log, lease guards, heartbeats) is what the ratio engine/floor measures.
// - "one write": picks and marks delivered in one statement, one row version per signal and no lease.
//   No outbox that keeps a row per signal can write less; it is the bound on any design that keeps
//   per-signal state in PostgreSQL, whatever it gives up (issue #16's 10× target is compared with it).
import os from "node:os";
import type pg from "pg";

export type FloorMode = "claim+mark" | "one write";

export const FLOOR_LABELS: Record<FloorMode, string> = {
  "claim+mark": "floor: bare pg claim+mark loop (2 writes/signal)",
  "one write": "floor: bare pg, 1 write/signal, no lease",
};

export type FloorResult = {
  mode: FloorMode;
  deliveries: number;
  delivered: number;
  seconds: number;
  deliveriesPerSecond: number;
  batches: number;
  loadAverage: { before: number; after: number };
};

/** the next 100 due rows, in the outbox's claim order, skipping rows another claimer holds */
const PICKED = `
  WITH picked AS (
    SELECT d.id FROM "Delivery" d
    WHERE d.channel = 'seek-signal' AND d.state = 'pending' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
    ORDER BY d."dueBy" ASC NULLS LAST, d."nextAttemptAt" ASC, d.seq ASC
    LIMIT 100
    FOR UPDATE OF d SKIP LOCKED
  )`;

const CLAIM = `${PICKED}
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

const PICK_AND_DELIVER = `${PICKED}
  UPDATE "Delivery" AS t
  SET state = 'delivered', "deliveredAt" = (now() AT TIME ZONE 'UTC'), attempts = t.attempts + 1,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
  FROM picked WHERE t.id = picked.id
  RETURNING t.id, t.payload`;

async function batch(client: pg.Client, mode: FloorMode): Promise<number> {
  if (mode === "one write") return (await client.query(PICK_AND_DELIVER)).rowCount ?? 0;
  const { rows } = await client.query<{ id: string; payload: unknown }>(CLAIM);
  if (rows.length === 0) return 0;
  const marked = await client.query(MARK_DELIVERED, [rows.map((r) => r.id)]);
  return marked.rowCount ?? 0;
}

export async function drainFloor(
  client: pg.Client,
  deliveries: number,
  timeoutMs: number,
  mode: FloorMode,
): Promise<FloorResult> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const started = performance.now();
  let delivered = 0;
  let batches = 0;
  while (performance.now() - started < timeoutMs) {
    const done = await batch(client, mode);
    if (done === 0) break;
    delivered += done;
    batches++;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    mode,
    deliveries,
    delivered,
    seconds,
    deliveriesPerSecond: delivered / seconds,
    batches,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
  };
}
