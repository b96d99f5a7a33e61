// npm run bench: the delivery engine's figures from one run on this machine (a benchmark, not a test:
// nothing here asserts on time). Creates its own PostgreSQL database, starts the SEEK mock, then:
//   1. drains BENCH_DELIVERIES queued seek-signal deliveries with 1 and with 2 worker processes;
//   2. drains the same count with bare `pg` loops (the floors: claim + mark, one write per signal, and one
//      write on a copy of the outbox without the delivery log's indexes);
//   3. runs the real app (`npm start`, inline worker) and measures API 202 → mock receipt at steady rates;
//   4. queues BENCH_HISTORY_ITEMS SEEK history items at once and measures them against the 60 s deadline;
//   5. times the admin delivery-log listing on BENCH_LOG_ROWS rows;
//   6. (issue #16) drains the same count with graphile-worker peers (BENCH_PEERS), and runs the API
//      throughput scenarios (api-throughput.ts) through `npm start` with the worker off; the report
//      prints each target's ratio.
// Prints a table, writes the same as JSON to bench/results/<timestamp>.json, and undoes everything it
// started (processes, servers, database), on failure and Ctrl-C too. Knobs: bench/bench-config.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSeekMock } from "../e2e/mocks/seek/server";
import { setUpApplications } from "./api-setup";
import { type ApiWindow, apiScenarios, combineWindows, measureApiWindow } from "./api-throughput";
import { startApp } from "./app-server";
import { benchConfig } from "./bench-config";
import { connectBench, createBenchDatabase } from "./bench-database";
import { receiptKey } from "./bench-events";
import { cleanupAll, cleanupOnSignals, onCleanup } from "./cleanup";
import { measureLogQueries } from "./delivery-log-queries";
import { drainFloor } from "./drain-floor";
import { drainWithWorkers } from "./drain-with-workers";
import { drainWithGraphileWorker } from "./graphile-peer";
import { historyDeadline } from "./history-deadline";
import { measureLatency, type Receipts } from "./latency";
import { type BenchResults, formatReport } from "./report";
import { emptyOutbox, payloadTemplate, seedDeliveries } from "./seed-deliveries";

const config = benchConfig();
cleanupOnSignals();
const log = (message: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsDir = path.resolve("bench/results");
const logDir = path.join(resultsDir, `logs-${stamp}`);
fs.mkdirSync(logDir, { recursive: true });

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  finishedAt: "",
  command: `${Object.entries(process.env)
    .filter(([key]) => key.startsWith("BENCH_"))
    .map(([key, value]) => `${key}=${value} `)
    .join("")}npm run bench`,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres: "",
    loadAverageAtStart: os.loadavg(),
  },
  config: { ...config, DATABASE_URL: new URL(config.DATABASE_URL).host },
  drains: [],
  floors: [],
  peers: [],
  api: [],
  latency: [],
  notes: [],
};

async function waitForEmptyOutbox(client: import("pg").Client, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const { rows } = await client.query<{ open: string }>(
      `SELECT count(*) AS open FROM "Delivery" WHERE state IN ('pending', 'in_flight')`,
    );
    if (Number(rows[0]?.open) === 0) return true;
    await sleep(200);
  }
  return false;
}

async function main(): Promise<void> {
  log(`logs of the processes it starts: ${path.relative(process.cwd(), logDir)}`);
  const database = await createBenchDatabase(config.DATABASE_URL, {
    jitOff: config.BENCH_PG_JIT === "off",
    name: config.BENCH_DATABASE,
  });
  log(`database ${database.name} created and migrated`);
  const client = await connectBench(database.url, "signalhouse-bench");
  const { rows: version } = await client.query<{ v: string }>(`SELECT split_part(version(), ' on ', 1) AS v`);
  results.machine.postgres = version[0]?.v ?? "PostgreSQL";
  const { rows: org } = await client.query<{ id: string }>(
    `INSERT INTO "Organization" (id, slug, name, "updatedAt")
     VALUES ('bench_org', 'bench', 'Bench organization', now() AT TIME ZONE 'UTC') RETURNING id`,
  );
  const organizationId = org[0]!.id;

  let receipts: Receipts | null = null;
  const mock = await startSeekMock({
    port: config.BENCH_PORT,
    keepLog: false,
    tokenExpiresIn: 3600,
    onAccepted: (signals, receivedAtMs) => {
      if (!receipts) return;
      for (const signal of signals) {
        // The mock types a state loosely; SEEK's schema requires current.timestamp, which the bench sets.
        const current = signal.current as { timestamp?: string } | null | undefined;
        const key = receiptKey(signal.token, current?.timestamp ?? signal.timestamp);
        if (!receipts.has(key)) receipts.set(key, receivedAtMs);
      }
    },
  });
  onCleanup("close the SEEK mock", () => mock.close());
  log(`SEEK mock on ${mock.url}`);
  const seekEnv = {
    SEEK_GRAPHQL_URL: mock.graphqlUrl,
    SEEK_TOKEN_URL: mock.tokenUrl,
    SEEK_TOKEN_AUDIENCE: mock.credentials.audience,
    SEEK_CLIENT_ID: mock.credentials.clientId,
    SEEK_CLIENT_SECRET: mock.credentials.clientSecret,
    SIGNALHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  };
  const timeoutMs = config.BENCH_DRAIN_TIMEOUT_SECONDS * 1000;

  const drains = config.BENCH_DELIVERIES > 0 ? config.BENCH_WORKERS : [];
  for (const workers of drains) {
    await emptyOutbox(client);
    const seedMs = await seedDeliveries(client, organizationId, config.BENCH_DELIVERIES);
    log(
      `seeded ${config.BENCH_DELIVERIES} deliveries in ${(seedMs / 1000).toFixed(1)} s; draining with ${workers} worker(s)`,
    );
    const drain = await drainWithWorkers({
      client,
      mock,
      workers,
      deliveries: config.BENCH_DELIVERIES,
      env: { ...process.env, ...seekEnv, DATABASE_URL: database.url, NODE_ENV: "production" },
      logDir,
      timeoutMs,
      cpuProfileDir: config.BENCH_CPU_PROFILE_DIR,
    });
    results.drains.push(drain);
    log(
      `${workers} worker(s): ${drain.deliveriesPerSecond.toFixed(0)} deliveries/s (${drain.seconds.toFixed(1)} s; states ${JSON.stringify(drain.states)})`,
    );
  }

  for (const mode of config.BENCH_DELIVERIES > 0
    ? (["claim+mark", "one write", "one write, engine indexes only"] as const)
    : []) {
    await emptyOutbox(client);
    await seedDeliveries(client, organizationId, config.BENCH_DELIVERIES);
    const floor = await drainFloor(client, config.BENCH_DELIVERIES, timeoutMs, mode);
    results.floors.push(floor);
    log(`floor (${mode}): ${floor.deliveriesPerSecond.toFixed(0)} deliveries/s (${floor.seconds.toFixed(1)} s)`);
  }

  const peers = config.BENCH_DELIVERIES > 0 ? config.BENCH_PEERS : [];
  for (const perJob of peers) {
    await emptyOutbox(client);
    log(`graphile-worker peer: ${config.BENCH_DELIVERIES} signals, ${perJob} per job`);
    const peer = await drainWithGraphileWorker({
      client,
      databaseUrl: database.url,
      mock,
      signals: config.BENCH_DELIVERIES,
      perJob,
      signal: payloadTemplate(),
      logDir,
      timeoutMs,
    });
    results.peers.push(peer);
    log(`${peer.label}: ${peer.signalsPerSecond.toFixed(0)} signals/s (${peer.seconds.toFixed(1)} s)`);
  }

  if (config.BENCH_HISTORY_ITEMS > 0) {
    await emptyOutbox(client);
    results.historyDeadline = await historyDeadline({
      client,
      organizationId,
      items: config.BENCH_HISTORY_ITEMS,
      env: { ...process.env, ...seekEnv, DATABASE_URL: database.url, NODE_ENV: "production" },
      logDir,
      timeoutMs,
    });
    const h = results.historyDeadline;
    log(
      `history: ${h.delivered}/${h.items} delivered, ${h.late} past the 60 s deadline; write→delivered p99 ${h.writeToDeliveredMs.p99.toFixed(0)} ms`,
    );
  }

  // Status changes are numbered across the API phase and the latency phase, so each one moves its
  // application to a status it is not in (bench-events.ts).
  const baseOccurredAtMs = Date.now() - 3_600_000;
  let offset = 0;
  let applications: Awaited<ReturnType<typeof setUpApplications>> | null = null;

  if (config.BENCH_API_SECONDS > 0) {
    await emptyOutbox(client);
    log("starting the app with `npm start` and SIGNALHOUSE_WORKER=off for the API throughput phase");
    const app = await startApp({
      databaseUrl: database.url,
      port: config.BENCH_PORT + 1,
      seekEnv,
      logDir,
      startTimeoutMs: config.BENCH_APP_START_SECONDS * 1000,
      worker: "off",
    });
    applications = await setUpApplications(app.baseUrl, app.apiKey, config.BENCH_APPLICATIONS, 16);
    const scenarios = apiScenarios({ applications, baseOccurredAtMs, nextEvent: () => offset++ });
    // Warm-up (not reported): route bundles load, pools fill, caches fill.
    for (const scenario of scenarios) {
      await measureApiWindow({ baseUrl: app.baseUrl, apiKey: app.apiKey, scenario, concurrency: 8, seconds: 2 });
    }
    // Interleaved rounds, so a drift of the machine's speed falls on every scenario alike (api-throughput.ts).
    const windows = scenarios.map((): ApiWindow[] => []);
    for (let round = 1; round <= config.BENCH_API_ROUNDS; round++) {
      for (const [i, scenario] of scenarios.entries()) {
        const window = await measureApiWindow({
          baseUrl: app.baseUrl,
          apiKey: app.apiKey,
          scenario,
          concurrency: config.BENCH_API_CONCURRENCY,
          seconds: config.BENCH_API_SECONDS / config.BENCH_API_ROUNDS,
          appProcessGroup: app.process.pid,
        });
        windows[i]!.push(window);
        log(
          `round ${round}/${config.BENCH_API_ROUNDS} ${scenario.name}: ${(window.items / window.seconds).toFixed(0)} items/s (${JSON.stringify(window.statuses)})`,
        );
      }
    }
    for (const [i, scenario] of scenarios.entries()) {
      results.api.push(combineWindows(scenario.name, config.BENCH_API_CONCURRENCY, windows[i]!));
    }
    await app.process.stop(30_000);
  }

  if (config.BENCH_RATES.length > 0) {
    // The throughput phase's status changes are outbox rows nobody drained: not this phase's load.
    await emptyOutbox(client);
    log("starting the app with `npm start` (it builds first if the build is stale; not measured)");
    const app = await startApp({
      databaseUrl: database.url,
      port: config.BENCH_PORT + 1,
      seekEnv,
      logDir,
      startTimeoutMs: config.BENCH_APP_START_SECONDS * 1000,
    });
    log(`app ready on ${app.baseUrl} after ${app.startSeconds.toFixed(1)} s`);
    const setupStarted = performance.now();
    // Made again (PUT is an upsert): the same applications, whatever the throughput phase left them in.
    applications ??= await setUpApplications(app.baseUrl, app.apiKey, config.BENCH_APPLICATIONS, 16);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    results.app = { startSeconds: app.startSeconds, applications: applications.length, setupSeconds };
    log(`${applications.length} applications ready in ${setupSeconds.toFixed(1)} s`);
    const inUse = applications;

    const run = async (rate: number, seconds: number, changesPerRequest: number) => {
      receipts = new Map();
      const result = await measureLatency({
        baseUrl: app.baseUrl,
        apiKey: app.apiKey,
        rate,
        seconds,
        offset,
        applications: inUse,
        baseOccurredAtMs,
        maxInFlight: config.BENCH_MAX_IN_FLIGHT,
        changesPerRequest,
        receipts,
      });
      receipts = null;
      // Unsent events are the window's tail: numbering goes on from the last one sent, so each
      // application's next status still differs from its current one.
      offset += result.sent;
      if (!(await waitForEmptyOutbox(client, 60_000)))
        results.notes.push(`the outbox was not empty 60 s after the ${rate}/s run`);
      return result;
    };
    // Warm-up (not reported): route bundles load, pools fill, the inline worker fetches its SEEK token.
    await run(50, 3, 1);
    for (const rate of config.BENCH_RATES) {
      for (const batch of config.BENCH_RATE_BATCHES) {
        const shape = batch === 1 ? "single requests" : `bulk requests of ${batch}`;
        log(`steady ${rate} events/s for ${config.BENCH_RATE_SECONDS} s, ${shape}`);
        const result = await run(rate, config.BENCH_RATE_SECONDS, batch);
        results.latency.push(result);
        log(
          `${rate}/s target (${shape}): sent ${result.sentPerSecond.toFixed(0)}/s, 202 ${result.acceptedPerSecond.toFixed(0)}/s; ` +
            `202→receipt p50 ${result.ackToReceiptMs.p50.toFixed(1)} ms, p99 ${result.ackToReceiptMs.p99.toFixed(1)} ms`,
        );
      }
    }
    await app.process.stop(30_000);
  }

  if (config.BENCH_LOG_ROWS > 0) {
    await emptyOutbox(client);
    log(`seeding ${config.BENCH_LOG_ROWS} deliveries for the delivery-log listing`);
    results.logQueries = await measureLogQueries(client, config.BENCH_LOG_ROWS);
    log(`delivery-log listing timed (${results.logQueries.seedSeconds.toFixed(0)} s to seed)`);
  }
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error("[bench] failed:", error);
  results.notes.push(`run failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanupAll();
}
results.finishedAt = new Date().toISOString();
const file = path.join(resultsDir, `${stamp}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${formatReport(results)}\n\n[bench] results: ${path.relative(process.cwd(), file)}`);
process.exit(failed ? 1 : 0);
