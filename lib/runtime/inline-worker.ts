// The worker inside `npm start`: started once per server process from instrumentation.ts (Next may
// load modules more than once, so the guard lives on globalThis). It shares the process's database
// client, which on PGlite is the only connection there is. SIGNALHOUSE_WORKER=off leaves delivery to
// `npm run worker` or the cron route.
//
// Shutdown: on SIGTERM/SIGINT the worker stops claiming at once. The server (scripts/serve.mjs) closes its
// listener, then calls globalThis.__signalhouseShutdown, which waits for the worker to finish or release
// its in-flight deliveries and closes the database (PGlite checkpoints on close) before the process
// exits. Under a bare `next start`, Next exits on its own and the leases held simply lapse.

import { createPrisma, currentTarget, db } from "../db/client";
import { closePglite } from "../db/pglite";
import { runWorker, type WorkerSummary } from "../delivery/run/drain";
import { consoleLog } from "../delivery/run/engine-context";
import { openWake } from "../delivery/run/wake";
import { newWorkerId } from "../delivery/run/worker-id";
import { describeSummary } from "../delivery/run/worker-process";
import { env } from "../env";
import { productionChannels, productionObservers } from "./production-channels";

type InlineWorker = {
  workerId: string;
  done: Promise<WorkerSummary | undefined>;
  stop: AbortController;
  onSignal: () => void;
};

const holder = globalThis as unknown as {
  __signalhouseInlineWorker?: InlineWorker;
  __signalhouseShutdown?: () => Promise<void>;
};

async function run(workerId: string, signal: AbortSignal): Promise<WorkerSummary | undefined> {
  const config = env();
  const wake = await openWake(currentTarget(), (message) => consoleLog.warn(message)).catch((error) => {
    consoleLog.warn("could not listen for new deliveries; polling instead", error);
    return undefined;
  });
  // On PostgreSQL the worker gets its own connection pool: when API requests fill the app's pool, the
  // worker must still be able to record what it sent, or its leases lapse and batches are sent twice.
  // PGlite is one connection in one process either way.
  const target = currentTarget();
  const workerDb = target.kind === "postgres" ? createPrisma(target) : db();
  try {
    const channels = productionChannels(workerDb);
    consoleLog.info(`inline worker ${workerId}; channels: ${channels.map((c) => c.name).join(", ") || "none"}`);
    const summary = await runWorker({
      db: workerDb,
      channels,
      observers: productionObservers(),
      workerId,
      mode: "inline",
      signal,
      wake,
      deadAfterMs: config.SIGNALHOUSE_DEAD_AFTER,
      leaseMs: config.SIGNALHOUSE_LEASE,
    });
    consoleLog.info(`inline worker stopped: ${describeSummary(summary)}`);
    return summary;
  } catch (error) {
    consoleLog.warn(
      "the inline delivery worker stopped on an error; deliveries wait for a restart or the cron route",
      error,
    );
    return undefined;
  } finally {
    await wake?.close();
    if (workerDb !== db()) await workerDb.$disconnect().catch(() => {});
  }
}

/** Starts the inline worker unless it runs already or is switched off; returns its id when it started. */
export function startInlineWorker(): string | undefined {
  if (holder.__signalhouseInlineWorker) return undefined;
  if (env().SIGNALHOUSE_WORKER !== "inline") return undefined;
  const workerId = newWorkerId("inline");
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  const done = run(workerId, stop.signal);
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  holder.__signalhouseInlineWorker = { workerId, done, stop, onSignal };
  holder.__signalhouseShutdown = async () => {
    await stopInlineWorker();
    const target = currentTarget();
    await db()
      .$disconnect()
      .catch(() => {});
    if (target.kind === "pglite") await closePglite(target.dataDir);
  };
  return workerId;
}

/** Stops the inline worker gracefully and waits for it (the server's shutdown, and tests). */
export async function stopInlineWorker(): Promise<WorkerSummary | undefined> {
  const worker = holder.__signalhouseInlineWorker;
  if (!worker) return undefined;
  process.off("SIGTERM", worker.onSignal);
  process.off("SIGINT", worker.onSignal);
  worker.stop.abort();
  const summary = await worker.done;
  holder.__signalhouseInlineWorker = undefined;
  holder.__signalhouseShutdown = undefined;
  return summary;
}
