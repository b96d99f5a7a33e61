// The worker inside `npm start`: started once per server process from instrumentation.ts (Next may
// load modules more than once, so the guard lives on globalThis). It shares the process's database
// client, which on PGlite is the only connection there is. SIGNALHOUSE_WORKER=off leaves delivery to
// `npm run worker` or the cron route.
//
// Shutdown: scripts/start.ts runs `next start` with NEXT_MANUAL_SIG_HANDLE=true while this worker is on,
// so Next does not exit under it; on SIGTERM/SIGINT the worker stops gracefully (in-flight sends finish
// or are released) and then the process exits. Without that variable (a bare `next start`), Next exits
// on its own and the leases this worker held simply lapse and are re-claimed.
import { currentTarget, db } from "../db/client";
import { env } from "../env";
import { productionChannels } from "./channels";
import { runWorker, type WorkerSummary } from "./drain";
import { consoleLog } from "./engine-context";
import { openWake } from "./wake";
import { newWorkerId } from "./worker-id";
import { describeSummary } from "./worker-process";

const holder = globalThis as unknown as { __signalhouseInlineWorker?: Promise<WorkerSummary | undefined> };

/** Starts the inline worker unless it runs already or is switched off; returns whether it started now. */
export function startInlineWorker(): boolean {
  if (holder.__signalhouseInlineWorker) return false;
  const config = env();
  if (config.SIGNALHOUSE_WORKER !== "inline") return false;

  const stop = new AbortController();
  const manualSignals = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    stop.abort();
    if (manualSignals) {
      void holder.__signalhouseInlineWorker?.finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    }
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);

  const workerId = newWorkerId("inline");
  holder.__signalhouseInlineWorker = (async () => {
    const target = currentTarget();
    const wake = await openWake(target, (message) => consoleLog.warn(message)).catch((error) => {
      consoleLog.warn("could not listen for new deliveries; polling instead", error);
      return undefined;
    });
    try {
      const channels = productionChannels();
      consoleLog.info(`inline worker ${workerId}; channels: ${channels.map((c) => c.name).join(", ") || "none"}`);
      const summary = await runWorker({
        db: db(),
        channels,
        workerId,
        mode: "inline",
        signal: stop.signal,
        wake,
        deadAfterMs: config.SIGNALHOUSE_DEAD_AFTER,
      });
      consoleLog.info(`inline worker stopped: ${describeSummary(summary)}`);
      return summary;
    } finally {
      await wake?.close();
    }
  })().catch((error) => {
    consoleLog.warn(
      "the inline delivery worker stopped on an error; deliveries wait for a restart or the cron route",
      error,
    );
    return undefined;
  });
  return true;
}
