// The time windows every overview query shares, computed once from one `now` so the numbers on one
// screen agree with each other. The chart's minutes are whole clock minutes; the last one is in progress.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const CHART_MINUTES = 60;

export type TOverviewWindow = {
  now: Date;
  hourAgo: Date;
  dayAgo: Date;
  /** start of the chart's first minute: the current minute's start, 59 minutes back */
  chartStart: Date;
};

export function overviewWindow(now: Date): TOverviewWindow {
  const minuteStart = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  return {
    now,
    hourAgo: new Date(now.getTime() - HOUR_MS),
    dayAgo: new Date(now.getTime() - DAY_MS),
    chartStart: new Date(minuteStart - (CHART_MINUTES - 1) * MINUTE_MS),
  };
}
