import { describe, expect, it } from "vitest";
import { fillMinuteBuckets } from "./fill-minute-buckets";
import { overviewProblems } from "./overview-problems";
import type { TChannelOverview, TOverview } from "./overview-types";

const generatedAt = "2026-11-23T10:00:00.000Z";
const zero = { delivered: 0, failed: 0, dead: 0, expired: 0, missedDeadlines: 0 };

function channel(name: TChannelOverview["channel"], changes: Partial<TChannelOverview> = {}): TChannelOverview {
  return {
    channel: name,
    control: { paused: false, changedBy: null, changedAt: null },
    pending: 0,
    inFlight: 0,
    oldestPendingAt: null,
    lastHour: zero,
    lastDay: zero,
    latency: { samples: 0, p50Ms: null, p95Ms: null, p99Ms: null },
    attempts: { total: 0, failed: 0 },
    perMinute: fillMinuteBuckets(new Date("2026-11-23T09:01:00.000Z"), []),
    ...changes,
  };
}

const worker = {
  workerId: "w",
  mode: "inline",
  hostname: "h",
  pid: 1,
  startedAt: generatedAt,
  lastBeatAt: generatedAt,
  stoppedAt: null,
  status: "alive" as const,
  holding: 0,
};

function overview(channels: TChannelOverview[], alive = [worker]): TOverview {
  return {
    generatedAt,
    expectationMs: 60_000,
    livenessMs: 30_000,
    hasDeliveries: true,
    channels,
    workers: { alive, inactive: [], heldByUnknown: 0 },
  };
}

const names = (c: string) => c.toUpperCase();

describe("overviewProblems", () => {
  it("has nothing to say about healthy channels with a live worker", () => {
    expect(overviewProblems(overview([channel("seek-signal"), channel("seek-history")]), names)).toEqual([]);
  });

  it("puts a slow p99, missed deadlines and failures first, each linking to the rows behind it", () => {
    const problems = overviewProblems(
      overview([
        channel("seek-signal", {
          control: { paused: true, changedBy: "Olive", changedAt: generatedAt },
          pending: 3,
          oldestPendingAt: "2026-11-23T09:50:00.000Z",
        }),
        channel("seek-history", {
          latency: { samples: 5, p50Ms: 3_000, p95Ms: 80_800, p99Ms: 96_160 },
          lastHour: { ...zero, missedDeadlines: 2, failed: 1, dead: 1 },
        }),
      ]),
      names,
    );
    expect(problems).toEqual([
      {
        severity: "critical",
        text: "SEEK-HISTORY: p99 event-to-delivery time is 1 min 36 s, over SEEK's 60 s.",
        href: "/deliveries?channel=seek-history&state=delivered",
      },
      {
        severity: "critical",
        text: "SEEK-HISTORY: 2 deadlines missed in the last hour.",
        href: "/deliveries?channel=seek-history",
      },
      {
        severity: "critical",
        text: "SEEK-HISTORY: 2 deliveries failed or died in the last hour and will not be retried on their own.",
        href: "/failures",
        linkText: "Show failure groups",
      },
      {
        severity: "warning",
        text: "SEEK-SIGNAL is paused by Olive: 3 deliveries wait until someone resumes it.",
        href: "/deliveries?channel=seek-signal&state=pending",
      },
    ]);
  });

  it("warns about a long wait only when the channel is not paused", () => {
    const waiting = { pending: 1, oldestPendingAt: "2026-11-23T09:58:30.000Z" };
    expect(overviewProblems(overview([channel("seek-signal", waiting)]), names)).toEqual([
      {
        severity: "warning",
        text: "SEEK-SIGNAL: the oldest pending delivery has waited 1 min 30 s.",
        href: "/deliveries?channel=seek-signal&state=pending",
      },
    ]);
  });

  it("calls a missing worker critical when deliveries are waiting, a warning when nothing is", () => {
    const [idle] = overviewProblems(overview([channel("seek-signal")], []), names);
    expect(idle?.severity).toBe("warning");
    const [stuck] = overviewProblems(
      overview([channel("seek-signal", { pending: 4, oldestPendingAt: "2026-11-23T09:59:50.000Z" })], []),
      names,
    );
    expect(stuck).toMatchObject({ severity: "critical", text: expect.stringContaining("4 deliveries are waiting") });
  });
});
