// The overview at / (and GET /api/admin/overview): per channel what is waiting, what ended in the last
// hour and day, event-to-delivery percentiles against SEEK's 60 s, missed deadlines, the error rate and a
// minute-by-minute hour; then the workers. One grouped query per concern, each served by an index
// (docs/decisions/0100), so the cost grows with the last day's traffic, not with the outbox.
import { CHANNELS } from "../delivery/channel";
import type { DbClient } from "../delivery/sql";
import { HISTORY_DEADLINE_MS } from "../history/build-history-item";
import { fillMinuteBuckets } from "./fill-minute-buckets";
import type { TChannelOverview, TOverview, TWindowCounts } from "./overview-types";
import { overviewWindow } from "./overview-window";
import { readBacklog } from "./read-backlog";
import { readChannelControls } from "./read-channel-controls";
import { readDelivered } from "./read-delivered";
import { readMinuteActivity } from "./read-minute-activity";
import { readMissedDeadlines } from "./read-missed-deadlines";
import { readUnsuccessful } from "./read-unsuccessful";
import { LIVENESS_MS, readWorkers } from "./read-workers";
import { byChannel } from "./sql-rows";

/** SEEK's expectation: an event reaches it within 60 s (the history items' deadline). */
export const SEEK_EXPECTATION_MS = HISTORY_DEADLINE_MS;

export async function readOverview(db: DbClient, now = new Date()): Promise<TOverview> {
  const window = overviewWindow(now);
  const [any, backlog, delivered, unsuccessful, missed, activity, controlOf, workers] = await Promise.all([
    db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "Delivery") AS any`,
    readBacklog(db),
    readDelivered(db, window),
    readUnsuccessful(db, window),
    readMissedDeadlines(db, window),
    readMinuteActivity(db, window),
    readChannelControls(db),
    readWorkers(db, window),
  ]);
  const backlogOf = byChannel(backlog);
  const deliveredOf = byChannel(delivered);
  const missedOf = byChannel(missed);
  const activityOf = byChannel(activity);

  const channels = CHANNELS.map((channel): TChannelOverview => {
    const counts = (span: "hour" | "day"): TWindowCounts => {
      const ended = (state: string) =>
        unsuccessful.find((row) => row.channel === channel && row.state === state)?.[span] ?? 0;
      return {
        delivered: deliveredOf.get(channel)?.[span] ?? 0,
        failed: ended("failed"),
        dead: ended("dead"),
        expired: ended("expired"),
        missedDeadlines: missedOf.get(channel)?.[span] ?? 0,
      };
    };
    const waiting = backlogOf.get(channel);
    const minute = activityOf.get(channel);
    return {
      channel,
      control: controlOf(channel),
      pending: waiting?.pending ?? 0,
      inFlight: waiting?.inFlight ?? 0,
      oldestPendingAt: waiting?.oldestPendingAt?.toISOString() ?? null,
      lastHour: counts("hour"),
      lastDay: counts("day"),
      latency: deliveredOf.get(channel)?.latency ?? { samples: 0, p50Ms: null, p95Ms: null, p99Ms: null },
      attempts: minute?.attempts ?? { total: 0, failed: 0 },
      perMinute: fillMinuteBuckets(window.chartStart, minute?.minutes ?? []),
    };
  });

  return {
    generatedAt: now.toISOString(),
    expectationMs: SEEK_EXPECTATION_MS,
    livenessMs: LIVENESS_MS,
    hasDeliveries: Boolean(any[0]?.any),
    channels,
    workers,
  };
}
