// Rate limits per destination shared by every worker: fixed windows counted in RateWindow (one row per
// destination and window kind, reset when the window rolls). A send takes its share of every window of
// its channel before it goes; when a window is full the rows are given back until the window rolls, and
// the destination is held until then so no other worker tries in vain.
import type { Db } from "../db/client";
import type { DestinationLimits } from "./channel";
import { DB_NOW } from "./sql";

export type RateWindowSpec = NonNullable<DestinationLimits["windows"]>[number];

/** Windows are aligned to the epoch, so a day window starts at midnight UTC. */
export function windowStartFor(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

export function windowKey(destination: string, window: RateWindowSpec): string {
  return `${destination}|${window.unit}|${window.windowMs}`;
}

/** In-flight ceiling per destination when a channel declares none: four batches. */
export function maxInFlightFor(limits: DestinationLimits | undefined, maxBatch: number): number {
  return Math.max(1, limits?.maxInFlight ?? 4 * maxBatch);
}

export type RateGrant = { granted: true } | { granted: false; retryAt: Date; reason: string };

class WindowFull extends Error {
  constructor(
    readonly retryAt: Date,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Takes `deliveries` deliveries and one request from every window, all or nothing. An empty window
 * always grants, so a batch larger than a window's maximum still goes (alone) once per window.
 */
export async function acquireRate(
  db: Db,
  destination: string,
  windows: RateWindowSpec[],
  deliveries: number,
  now: Date,
): Promise<RateGrant> {
  if (windows.length === 0) return { granted: true };
  try {
    await db.$transaction(async (tx) => {
      for (const window of windows) {
        const start = windowStartFor(now, window.windowMs);
        const amount = window.unit === "deliveries" ? deliveries : 1;
        const taken = await tx.$queryRaw<{ count: number }[]>`
          INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt")
          VALUES (${windowKey(destination, window)}, ${start}, ${amount}, ${DB_NOW})
          ON CONFLICT (key) DO UPDATE
          SET count = CASE WHEN "RateWindow"."windowStart" = EXCLUDED."windowStart"
                           THEN "RateWindow".count + EXCLUDED.count ELSE EXCLUDED.count END,
              "windowStart" = EXCLUDED."windowStart", "updatedAt" = EXCLUDED."updatedAt"
          WHERE "RateWindow"."windowStart" <> EXCLUDED."windowStart"
             OR "RateWindow".count = 0
             OR "RateWindow".count + EXCLUDED.count <= ${window.max}
          RETURNING count`;
        if (taken.length === 0) {
          const retryAt = new Date(start.getTime() + window.windowMs);
          throw new WindowFull(retryAt, `rate limit: ${window.max} ${window.unit} per ${window.windowMs} ms reached`);
        }
      }
    });
    return { granted: true };
  } catch (error) {
    if (error instanceof WindowFull) return { granted: false, retryAt: error.retryAt, reason: error.reason };
    throw error;
  }
}
