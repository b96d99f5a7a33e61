// SEEK wants candidate process history reflected within 60 seconds (seed 003). This step queues N
// history items in one statement, each due 60 s after it was written (as the API writes them), while
// one standalone worker (`npm run worker`'s code) is running, and reports how long each took to be
// delivered against that deadline. A measurement, not a test: the full-stack test checks that the
// items arrive, in order per item; how fast belongs here.
import path from "node:path";
import type pg from "pg";
import { buildHistoryItem, HISTORY_DEADLINE_MS } from "../lib/history/build-history-item";
import { startOwnedProcess } from "./child-process";

export type HistoryDeadlineResult = {
  items: number;
  delivered: number;
  /** delivered after their dueBy, or not delivered at all when the step gave up */
  late: number;
  writeToDeliveredMs: { p50: number; p99: number; max: number };
  allDeliveredAfterMs: number;
  finished: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function payloadTemplate(): object {
  return {
    operation: "create",
    candidateProfileId: "replaced-per-row",
    idempotencyId: "replaced-per-row",
    item: buildHistoryItem({
      action: { code: "Note", name: "Called", description: "Left a message" },
      actionDate: new Date(),
      person: { given: "Hayden", family: "Robinson" },
    }),
  };
}

export async function historyDeadline(input: {
  client: pg.Client;
  organizationId: string;
  items: number;
  env: NodeJS.ProcessEnv;
  logDir: string;
  timeoutMs: number;
}): Promise<HistoryDeadlineResult> {
  const { client, items } = input;
  const worker = startOwnedProcess("history worker", process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: input.env,
    logFile: path.join(input.logDir, "worker-history.log"),
  });
  try {
    await worker.waitForLine(/\[delivery\] worker \S+ on PostgreSQL/, 120_000);
    await sleep(1_000);
    const started = performance.now();
    // 50 candidates; one ordering key per item, as the API gives them.
    await client.query(
      `WITH now_utc AS (SELECT (now() AT TIME ZONE 'UTC') AS t)
       INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, state, "nextAttemptAt",
                               "occurredAt", "createdAt", "updatedAt", "dueBy", "orderingKey")
       SELECT 'bench_history_' || lpad(i::text, 6, '0'), $1, 'seek-history', 'HistoryCreate', 'seek',
              jsonb_set(jsonb_set($2::jsonb, '{candidateProfileId}',
                                  to_jsonb('seekAnzPublicTest:candidateProfile:bench' || (i % 50))),
                        '{idempotencyId}', to_jsonb('bench-' || i)),
              'pending', now_utc.t, now_utc.t, now_utc.t, now_utc.t,
              now_utc.t + make_interval(secs => $4::double precision / 1000), 'history:bench' || (i % 50) || ':' || i
       FROM generate_series(1, $3::int) AS i, now_utc`,
      [input.organizationId, JSON.stringify(payloadTemplate()), items, HISTORY_DEADLINE_MS],
    );
    let finished = false;
    while (performance.now() - started < input.timeoutMs) {
      const { rows } = await client.query<{ open: string }>(
        `SELECT count(*) AS open FROM "Delivery" WHERE channel = 'seek-history' AND state IN ('pending', 'in_flight')`,
      );
      if (Number(rows[0]?.open) === 0) {
        finished = true;
        break;
      }
      await sleep(100);
    }
    const allDeliveredAfterMs = performance.now() - started;
    const { rows } = await client.query<{ delivered: string; late: string; p50: number; p99: number; max: number }>(
      `SELECT count(*) FILTER (WHERE state = 'delivered') AS delivered,
              count(*) FILTER (WHERE "deliveredAt" IS NULL OR "deliveredAt" > "dueBy") AS late,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
       FROM (SELECT *, extract(epoch FROM "deliveredAt" - "createdAt") * 1000 AS ms
             FROM "Delivery" WHERE channel = 'seek-history') AS d`,
    );
    const row = rows[0]!;
    return {
      items,
      delivered: Number(row.delivered),
      late: Number(row.late),
      writeToDeliveredMs: { p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max) },
      allDeliveredAfterMs,
      finished,
    };
  } finally {
    await worker.stop(30_000);
  }
}
