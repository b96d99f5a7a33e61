// Drains the seeded outbox into the SEEK mock with N standalone worker processes (scripts/worker.ts,
// exactly what `npm run worker` runs). The channel is paused while the workers start, so process
// start-up (tsx, Prisma, LISTEN) stays outside the clock: the clock starts when the channel is
// unpaused and the workers are woken, and stops when the database holds no pending or in-flight row.
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { SeekMock } from "../e2e/mocks/seek/server";
import { WAKE_CHANNEL } from "../lib/delivery/run/wake-channel";
import { startOwnedProcess } from "./child-process";

export type DrainResult = {
  workers: number;
  deliveries: number;
  seconds: number;
  deliveriesPerSecond: number;
  states: Record<string, number>;
  httpRequests: number;
  attemptRows: number;
  attemptLogBytes: number;
  /** one HTTP request to the mock as the channel timed it */
  requestMs: { p50: number; p99: number };
  /** the (redacted) request body the log keeps, once per HTTP request */
  requestBodyBytesPerRequest: number;
  mockAccepted: number;
  loadAverage: { before: number; after: number };
  finished: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setPaused(client: pg.Client, paused: boolean): Promise<void> {
  await client.query(
    `INSERT INTO "ChannelControl" (channel, paused, "changedBy", "changedAt")
     VALUES ('seek-signal', $1, 'bench', now() AT TIME ZONE 'UTC')
     ON CONFLICT (channel) DO UPDATE SET paused = $1, "changedAt" = EXCLUDED."changedAt"`,
    [paused],
  );
}

async function openRows(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ open: string }>(
    `SELECT count(*) AS open FROM "Delivery" WHERE state IN ('pending', 'in_flight')`,
  );
  return Number(rows[0]?.open ?? 0);
}

export async function drainWithWorkers(input: {
  client: pg.Client;
  mock: SeekMock;
  workers: number;
  deliveries: number;
  env: NodeJS.ProcessEnv;
  logDir: string;
  timeoutMs: number;
  /** write each worker's V8 CPU profile (node --cpu-prof) into this folder */
  cpuProfileDir?: string;
}): Promise<DrainResult> {
  const { client, mock, workers, deliveries } = input;
  await setPaused(client, true);
  mock.reset();
  const processes = Array.from({ length: workers }, (_, i) =>
    startOwnedProcess(
      `worker ${i + 1}/${workers}`,
      process.execPath,
      [
        ...(input.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${input.cpuProfileDir}`] : []),
        "--import",
        "tsx",
        "scripts/worker.ts",
      ],
      {
        env: input.env,
        logFile: path.join(input.logDir, `worker-${workers}x-${i + 1}.log`),
      },
    ),
  );
  try {
    await Promise.all(processes.map((p) => p.waitForLine(/\[delivery\] worker \S+ on PostgreSQL/, 120_000)));
    // Each worker has written its first heartbeat and gone to sleep on the paused channel.
    for (;;) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "WorkerHeartbeat"`);
      if (Number(rows[0]?.n) >= workers) break;
      await sleep(100);
    }
    await sleep(1_000);

    const loadBefore = os.loadavg()[0] ?? 0;
    const started = performance.now();
    await setPaused(client, false);
    await client.query(`SELECT pg_notify($1, '')`, [WAKE_CHANNEL]);
    // The mock's count costs nothing to read; the database is asked every 2 s, and often once the mock
    // has everything (the last batches are then being recorded).
    let lastCheck = performance.now();
    let finished = false;
    while (performance.now() - started < input.timeoutMs) {
      const due = mock.acceptedCount() >= deliveries || performance.now() - lastCheck > 2_000;
      if (due) {
        lastCheck = performance.now();
        if ((await openRows(client)) === 0) {
          finished = true;
          break;
        }
      }
      await sleep(mock.acceptedCount() >= deliveries ? 10 : 50);
    }
    const seconds = (performance.now() - started) / 1000;
    const loadAfter = os.loadavg()[0] ?? 0;
    await Promise.all(processes.map((p) => p.stop(30_000)));

    const { rows: stateRows } = await client.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM "Delivery" GROUP BY state ORDER BY state`,
    );
    // The attempt log is the attempt rows plus each HTTP request stored once with its bodies (0083).
    const { rows: attemptRows } = await client.query<{ rows: string; requests: string; bytes: string }>(
      `SELECT count(*) AS rows, (SELECT count(*) FROM "DeliveryRequest") AS requests,
              pg_total_relation_size('"DeliveryAttempt"') + pg_total_relation_size('"DeliveryRequest"') AS bytes
       FROM "DeliveryAttempt"`,
    );
    // What one request cost on the wire (the channel's own timing) and what the log keeps per request.
    const { rows: requestRows } = await client.query<{ p50: number; p99: number; body: number }>(
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY "durationMs") AS p99,
              avg(octet_length("requestBody"))::float AS body
       FROM "DeliveryRequest"`,
    );
    const states = Object.fromEntries(stateRows.map((r) => [r.state, Number(r.n)]));
    const delivered = states.delivered ?? 0;
    return {
      workers,
      deliveries,
      seconds,
      deliveriesPerSecond: delivered / seconds,
      states,
      httpRequests: Number(attemptRows[0]?.requests ?? 0),
      attemptRows: Number(attemptRows[0]?.rows ?? 0),
      attemptLogBytes: Number(attemptRows[0]?.bytes ?? 0),
      requestMs: { p50: Number(requestRows[0]?.p50), p99: Number(requestRows[0]?.p99) },
      requestBodyBytesPerRequest: Number(requestRows[0]?.body),
      mockAccepted: mock.acceptedCount(),
      loadAverage: { before: loadBefore, after: loadAfter },
      finished,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop(10_000)));
  }
}
