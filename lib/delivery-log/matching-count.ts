// How many deliveries the log's whole filter matches, from the page's counts by state (which cover the
// filter except its state): the N of "Select all N matching". Pure.
import type { TStateCounts } from "./admin-delivery-types";

export function matchingCount(counts: TStateCounts, state: string | undefined): number {
  if (state) return counts[state as keyof TStateCounts] ?? 0;
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
