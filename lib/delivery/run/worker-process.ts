// `npm run worker`: one standalone worker process on PostgreSQL (any number may run side by side).
// It refuses PGlite: an embedded database is one connection in one process, which `npm start` already
// owns (delivery runs inline there). SIGTERM/SIGINT stop it gracefully; a second signal exits at once.
import { db } from "../../db/client";
import { databaseTarget, describeTarget } from "../../db/target";
import { EnvError, env } from "../../env";
import type { Channel } from "../channel";
import type { EngineObservers } from "../engine-observers";
import { runWorker, type WorkerSummary } from "./drain";
import { consoleLog } from "./engine-context";
import { openWake } from "./wake";
import { newWorkerId } from "./worker-id";

export type WorkerProcessOptions = {
  /** called once the configuration is known to be usable */
  channels: () => readonly Channel[];
  /** the runtime's hooks (operational webhooks) */
  observers?: EngineObservers;
  concurrency?: number;
  pollMs?: number;
};

export const PGLITE_REFUSAL =
  "npm run worker needs PostgreSQL (set DATABASE_URL). The embedded PGlite database is single-process: " +
  "with PGlite, deliveries are sent by the worker inside `npm start` (SIGNALHOUSE_WORKER=inline).";

export function describeSummary(summary: WorkerSummary): string {
  const { claimed, delivered, retried, failed, dead, expired, released, leaseLost } = summary;
  return `claimed ${claimed}, delivered ${delivered}, retried ${retried}, failed ${failed}, dead ${dead}, expired ${expired}, released ${released}, lease lost ${leaseLost}`;
}

/** Runs until signalled; resolves with the process exit code. */
export async function runWorkerProcess(options: WorkerProcessOptions): Promise<number> {
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const target = databaseTarget(config);
  if (target.kind === "pglite") {
    console.error(PGLITE_REFUSAL);
    return 1;
  }
  const [outbox] = await db().$queryRaw<
    { outbox: string | null }[]
  >`SELECT to_regclass('"Delivery"')::text AS outbox`.catch((error: Error) => [{ outbox: null, error }]);
  if (!outbox?.outbox) {
    console.error(
      `${describeTarget(target)} has no outbox table (or cannot be reached): run \`npm run db:migrate\` first.`,
    );
    await db().$disconnect();
    return 1;
  }
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    consoleLog.info(`${signal}: finishing in-flight deliveries (send ${signal} again to exit at once)`);
    stop.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  const channels = options.channels();
  const workerId = newWorkerId("standalone");
  const wake = await openWake(target, (message) => consoleLog.warn(message)).catch((error) => {
    consoleLog.warn("could not listen for new deliveries; polling instead", error);
    return undefined;
  });
  consoleLog.info(
    `worker ${workerId} on ${describeTarget(target)}; channels: ${channels.map((c) => c.name).join(", ") || "none"}`,
  );
  try {
    const summary = await runWorker({
      db: db(),
      channels,
      observers: options.observers,
      workerId,
      mode: "standalone",
      signal: stop.signal,
      wake,
      deadAfterMs: config.SIGNALHOUSE_DEAD_AFTER,
      leaseMs: config.SIGNALHOUSE_LEASE,
      concurrency: options.concurrency,
      pollMs: options.pollMs,
    });
    consoleLog.info(`worker ${workerId} stopped: ${describeSummary(summary)}`);
    return 0;
  } finally {
    await wake?.close();
    await db().$disconnect();
  }
}
