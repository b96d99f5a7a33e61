// What the overview at / receives, from the server render and from its polling route alike: plain JSON
// (times as ISO strings), counts only, no tenant data. Pure types: safe to import from client components.
import type { ChannelName } from "../delivery/channel";

/** Rows that reached an end in a window (delivered by deliveredAt, the others by when they changed). */
export type TWindowCounts = {
  delivered: number;
  failed: number;
  dead: number;
  expired: number;
  /** rows whose dueBy fell in the window and that were delivered after it or are still not delivered */
  missedDeadlines: number;
};

/** Event-to-delivery time (deliveredAt − occurredAt) of the rows delivered in the last hour. */
export type TLatency = { samples: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null };

/** One minute of the last hour: rows delivered, and attempts that did not deliver (retry, failed, dead). */
export type TMinutePoint = { at: string; delivered: number; failures: number };

export type TChannelControlView = {
  paused: boolean;
  /** who last paused or resumed it (name or email), null when never changed */
  changedBy: string | null;
  changedAt: string | null;
};

export type TChannelOverview = {
  channel: ChannelName;
  control: TChannelControlView;
  pending: number;
  inFlight: number;
  /** createdAt of the oldest pending row, null when none */
  oldestPendingAt: string | null;
  lastHour: TWindowCounts;
  lastDay: TWindowCounts;
  latency: TLatency;
  /** HTTP attempts in the last hour and how many of them did not deliver */
  attempts: { total: number; failed: number };
  perMinute: TMinutePoint[];
};

export type TWorkerStatus = "alive" | "stale" | "stopped";

export type TWorkerView = {
  workerId: string;
  mode: string;
  hostname: string;
  pid: number;
  startedAt: string;
  lastBeatAt: string;
  stoppedAt: string | null;
  status: TWorkerStatus;
  /** in_flight rows leased to this worker now (from the outbox, not from the heartbeat) */
  holding: number;
};

export type TOverview = {
  generatedAt: string;
  /** SEEK's expectation for event-to-delivery time */
  expectationMs: number;
  /** a worker is alive when it beat within this window and has not stopped */
  livenessMs: number;
  /** false until the outbox holds its first row */
  hasDeliveries: boolean;
  channels: TChannelOverview[];
  workers: {
    alive: TWorkerView[];
    /** stopped or stale workers that beat in the last day, newest first */
    inactive: TWorkerView[];
    /** in_flight rows whose lease owner has no heartbeat row listed */
    heldByUnknown: number;
  };
};
