// The chart wants one point per minute, also for minutes in which nothing happened; SQL returns only the
// minutes that had rows. Pure, so the gaps and edges are unit-tested.

import type { TMinutePoint } from "./overview-types";
import { CHART_MINUTES, MINUTE_MS } from "./overview-window";

export type TMinuteCount = { minute: number; delivered?: number; failures?: number };

/** CHART_MINUTES points from `chartStart`, summing the counts reported for each minute index. */
export function fillMinuteBuckets(chartStart: Date, counts: readonly TMinuteCount[]): TMinutePoint[] {
  const points = Array.from({ length: CHART_MINUTES }, (_, i) => ({
    at: new Date(chartStart.getTime() + i * MINUTE_MS).toISOString(),
    delivered: 0,
    failures: 0,
  }));
  for (const count of counts) {
    if (count.minute < 0) continue;
    // Rows stamped a little in the future (another host's clock) land in the current minute, not off the end.
    const point = points[Math.min(count.minute, CHART_MINUTES - 1)]!;
    point.delivered += count.delivered ?? 0;
    point.failures += count.failures ?? 0;
  }
  return points;
}
