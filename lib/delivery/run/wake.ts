// Wakes idle workers the moment new deliveries commit, so polling is only the fallback. On PostgreSQL a
// dedicated `pg` connection LISTENs (the pool's connections come and go; a listener must stay); the
// outbox trigger NOTIFYs at commit. On PGlite, its own `listen` API hears the same trigger: the process
// that writes is the process that delivers. Code in this process can also wake workers directly
// (wakeLocalWorkers), e.g. after an admin unpauses a channel.
import { EventEmitter } from "node:events";
import pg from "pg";
import type { Db } from "../../db/client";
import { getPglite } from "../../db/pglite";
import type { DatabaseTarget } from "../../db/target";
import { WAKE_CHANNEL } from "./wake-channel";

export type WakeSource = {
  kind: "postgres-listen" | "pglite-listen" | "local";
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
};

const holder = globalThis as unknown as { __signalhouseLocalWake?: EventEmitter };

function localBus(): EventEmitter {
  holder.__signalhouseLocalWake ??= new EventEmitter().setMaxListeners(0);
  return holder.__signalhouseLocalWake;
}

/** Wakes every worker of this process. */
export function wakeLocalWorkers(): void {
  localBus().emit("wake");
}

/** Wakes every worker on the database (at commit, when called inside a transaction). */
export async function notifyWorkers(db: Pick<Db, "$executeRaw">): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, '')`;
}

function source(kind: WakeSource["kind"], bus: EventEmitter, stop: () => Promise<void>): WakeSource {
  const local = () => bus.emit("wake");
  localBus().on("wake", local);
  return {
    kind,
    subscribe(listener) {
      bus.on("wake", listener);
      return () => bus.off("wake", listener);
    },
    async close() {
      localBus().off("wake", local);
      bus.removeAllListeners();
      await stop();
    },
  };
}

/** Only the in-process bus: for callers with no database listener (tests, a one-off drain). */
export function openLocalWake(): WakeSource {
  return source("local", new EventEmitter(), async () => {});
}

export async function openWake(target: DatabaseTarget, log: (message: string) => void = () => {}): Promise<WakeSource> {
  const bus = new EventEmitter();
  if (target.kind === "pglite") {
    const unlisten = await getPglite(target.dataDir).listen(WAKE_CHANNEL, () => bus.emit("wake"));
    return source("pglite-listen", bus, async () => {
      await unlisten().catch(() => {});
    });
  }

  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: target.url, application_name: "signalhouse-wake" });
    next.on("notification", (message) => {
      if (message.channel === WAKE_CHANNEL) bus.emit("wake");
    });
    next.on("error", (error) => reconnect(`listener connection failed: ${error.message}`));
    next.on("end", () => reconnect("listener connection ended"));
    await next.connect();
    await next.query(`LISTEN ${WAKE_CHANNEL}`);
    client = next;
    failures = 0;
  };
  const reconnect = (why: string) => {
    if (closed || retryTimer) return;
    const old = client;
    client = undefined;
    old?.removeAllListeners();
    old?.end().catch(() => {});
    failures++;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
    log(`[delivery] ${why}; listening again in ${delay} ms (polling meanwhile)`);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(
        () => bus.emit("wake"), // notifications may have been missed while disconnected
        (error: Error) => reconnect(`listener reconnect failed: ${error.message}`),
      );
    }, delay);
    retryTimer.unref();
  };
  await connect();
  return source("postgres-listen", bus, async () => {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    const last = client;
    client = undefined;
    last?.removeAllListeners();
    await last?.end().catch(() => {});
  });
}
