// Claimed rows become send() batches: one destination per batch (credentials, backoff and rate limits
// are per destination), at most the channel's maxBatch, in claim order. A probe goes alone (the
// recovering endpoint sees one request), and so does a suspect row (its last attempt ended with the
// worker stopping mid-send, or the channel throwing or overrunning its time): it may be the poison that
// did it, and must not take a full batch down with it again.
import type { ClaimedRow } from "./claimed-row";

export function groupBatches(rows: readonly ClaimedRow[], maxBatch: number): ClaimedRow[][] {
  const size = Math.max(1, Math.floor(maxBatch));
  const alone: ClaimedRow[][] = [];
  const byDestination = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    if (row.probe || row.suspect) {
      alone.push([row]);
      continue;
    }
    const group = byDestination.get(row.destination);
    if (group) group.push(row);
    else byDestination.set(row.destination, [row]);
  }
  const batches: ClaimedRow[][] = [...alone];
  for (const group of byDestination.values()) {
    for (let i = 0; i < group.length; i += size) batches.push(group.slice(i, i + size));
  }
  return batches;
}
