// How many deliveries of one destination the claim lets be in flight at once, across all workers.
import type { DestinationLimits } from "../channel";

/** In-flight ceiling per destination when a channel declares none: four batches. */
export function maxInFlightFor(limits: DestinationLimits | undefined, maxBatch: number): number {
  return Math.max(1, limits?.maxInFlight ?? 4 * maxBatch);
}
