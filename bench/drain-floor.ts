// The floors: the same drain with no engine and no HTTP, on one plain `pg` connection, 100 rows a batch.
// - "claim+mark": claims with the outbox's claim shape (UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)
//   RETURNING, payload included, as a sender needs it), then marks them delivered: the two row versions
//   per signal an at-least-once outbox with leases writes at least (the claim must be durable before the
//   request leaves, or a killed worker's rows are never re-sent). What the engine does on top (send,
//   attempt log, lease guards, heartbeats) is what the ratio engine/floor measures.
// - "one write": picks and marks delivered in one statement, one row version per signal and no lease.
//   No outbox that keeps a row per signal can write less; it is the bound on any design that keeps
//   per-signal state in PostgreSQL, whatever it gives up (issue #16's 10× target is compared with it).
// - "one write, engine indexes only": the same on a copy of the outbox that has only the indexes the engine
//   itself reads (claim, ordering keys, leases, next due, id, seq), none of the delivery log's and
//   dashboard's. It measures what those 13 indexes cost every row version: the one guarantee issue #16
//   names that the one-write bound still keeps ("the dashboard's queries").
import os from "node:os";
import type pg from "pg";

export type FloorMode = "claim+mark" | "one write" | "one write, engine indexes only";

export const FLOOR_LABELS: Record<FloorMode, string> = {
  "claim+mark": "floor: bare pg claim+mark loop (2 writes/signal)",
  "one write": "floor: bare pg, 1 write/signal, no lease",
  "one write, engine indexes only": "floor: 1 write/signal, no lease, no log indexes",
};

/** The outbox's indexes the engine reads (claim-due-deliveries, extend-ordered-runs, release-leases, next-due). */
export const ENGINE_INDEXES = [
  "Delivery_pkey",
  "Delivery_seq_key",
  "Delivery_channel_state_dueBy_nextAttemptAt_seq_idx",
  "Delivery_orderingKey_seq_idx",
  "Delivery_state_leaseExpiresAt_idx",
  "Delivery_state_nextAttemptAt_idx",
] as const;

/** The copy of the outbox the last floor drains: created per drain from the seeded rows, dropped after. */
const ENGINE_ONLY_TABLE = "BenchDeliveryEngineIndexesOnly";

const tableOf = (mode: FloorMode) => (mode === "one write, engine indexes only" ? ENGINE_ONLY_TABLE : "Delivery");

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
const picked = (table: string) => `
  WITH picked AS (
    SELECT d.id FROM "${table}" d
    WHERE d.channel = 'seek-signal' AND d.state = 'pending' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
    ORDER BY d."dueBy" ASC NULLS LAST, d."nextAttemptAt" ASC, d.seq ASC
    LIMIT 100
    FOR UPDATE OF d SKIP LOCKED
  )`;

const CLAIM = `${picked("Delivery")}
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

const pickAndDeliver = (table: string) => `${picked(table)}
  UPDATE "${table}" AS t
  SET state = 'delivered', "deliveredAt" = (now() AT TIME ZONE 'UTC'), attempts = t.attempts + 1,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
  FROM picked WHERE t.id = picked.id
  RETURNING t.id, t.payload`;

async function batch(client: pg.Client, mode: FloorMode): Promise<number> {
  if (mode !== "claim+mark") return (await client.query(pickAndDeliver(tableOf(mode)))).rowCount ?? 0;
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
  if (tableOf(mode) !== "Delivery") await copyWithEngineIndexesOnly(client);
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
  if (tableOf(mode) !== "Delivery") await client.query(`DROP TABLE "${ENGINE_ONLY_TABLE}"`);
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

/**
 * Moves the seeded rows into a copy of the outbox with the engine's indexes only, built from the live
 * table's definitions so the copy follows the schema. Logged like the outbox (not UNLOGGED or TEMP), so
 * the one difference from "one write" is the indexes.
 */
async function copyWithEngineIndexesOnly(client: pg.Client): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS "${ENGINE_ONLY_TABLE}"`);
  await client.query(`CREATE TABLE "${ENGINE_ONLY_TABLE}" (LIKE "Delivery" INCLUDING DEFAULTS)`);
  await client.query(`INSERT INTO "${ENGINE_ONLY_TABLE}" SELECT * FROM "Delivery"`);
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Delivery'`,
  );
  const missing = ENGINE_INDEXES.filter((name) => !rows.some((r) => r.indexname === name));
  if (missing.length > 0) throw new Error(`the outbox has no index ${missing.join(", ")}: update ENGINE_INDEXES`);
  for (const { indexname, indexdef } of rows.filter((r) =>
    (ENGINE_INDEXES as readonly string[]).includes(r.indexname),
  )) {
    await client.query(
      indexdef
        .replace(`INDEX "${indexname}"`, `INDEX "${indexname.replace("Delivery", ENGINE_ONLY_TABLE)}"`)
        .replace(/ ON (\S+\.)?"Delivery" /, ` ON "${ENGINE_ONLY_TABLE}" `),
    );
  }
  await client.query(`VACUUM ANALYZE "${ENGINE_ONLY_TABLE}"`);
}
