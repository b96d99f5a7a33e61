// What every part of the drain loop shares: the database, the channels, who this worker is, the clock,
// and the rows it holds right now (for lease renewal, the heartbeat's count and shutdown).
import type { Db } from "../../db/client";
import type { Channel } from "../channel";
import { type ChannelRegistry, toChannelRegistry } from "../channel-registry";
import { type LeasePlan, leasePlan } from "../claim/lease";
import type { EngineObservers } from "../engine-observers";
import type { Random } from "../record/backoff";

export const DEFAULT_DEAD_AFTER_MS = 3 * 24 * 60 * 60_000;

export type EngineLog = { info(message: string): void; warn(message: string, error?: unknown): void };

// Database errors repeat while the database is away; their message says enough, a stack per retry
// would drown the log. Anything else (a channel bug) keeps its stack.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fromDatabase = /^Prisma|DriverAdapterError/.test(error.name) || "clientVersion" in error;
  const text = fromDatabase ? error.message.trim().split("\n").filter(Boolean).slice(-2).join(" ") : error.stack;
  return text ?? error.message;
}

export const consoleLog: EngineLog = {
  info: (message) => console.info(`[delivery] ${message}`),
  warn: (message, error) =>
    console.warn(error === undefined ? `[delivery] ${message}` : `[delivery] ${message}: ${describeError(error)}`),
};

export type EngineOptions = {
  db: Db;
  /** the channels this worker serves; rows of other channels are left alone and reported */
  channels: ChannelRegistry | readonly Channel[];
  workerId: string;
  /** a row still failing this long after it was written becomes `dead` (env SIGNALHOUSE_DEAD_AFTER) */
  deadAfterMs?: number;
  /** how long a claim lasts unless renewed (env SIGNALHOUSE_LEASE, default 10 s; lease.ts) */
  leaseMs?: number;
  now?: () => Date;
  random?: Random;
  log?: EngineLog;
  /** the runtime's hooks (operational webhooks); none in most tests */
  observers?: EngineObservers;
};

/**
 * The claim of a row this worker holds, known by its attempt count like the record's fence. A worker may
 * claim a row again after its own lease on it lapsed (a stalled event loop): the newer claim replaces the
 * entry, and the stale batch lets go only of an entry that is still its own.
 */
export type HeldRow = { attempts: number; sending: boolean; probe: boolean };

export type EngineContext = {
  db: Db;
  registry: ChannelRegistry;
  workerId: string;
  deadAfterMs: number;
  lease: LeasePlan;
  now: () => Date;
  random: Random;
  log: EngineLog;
  observers: EngineObservers;
  held: Map<string, HeldRow>;
  /** aborted when in-flight sends must stop (shutdown past its grace): channels abort their requests */
  hardStop: AbortController;
};

export function createEngineContext(options: EngineOptions): EngineContext {
  return {
    db: options.db,
    registry: toChannelRegistry(options.channels),
    workerId: options.workerId,
    deadAfterMs: options.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS,
    lease: leasePlan(options.leaseMs),
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    log: options.log ?? consoleLog,
    observers: options.observers ?? {},
    held: new Map(),
    hardStop: new AbortController(),
  };
}
