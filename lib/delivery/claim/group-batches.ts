// Claimed rows become send() batches: one destination per batch (credentials, backoff and rate limits
// are per destination), at most the channel's maxBatch, in claim order. A probe goes alone (the
// recovering endpoint sees one request), and so does a suspect row (its last attempt ended with the
// worker stopping mid-send, or the channel throwing or overrunning its time): it may be the poison that
// did it, and must not take a full batch down with it again. Rows of one ordering key (an ordered run,
// extend-ordered-runs.ts) stay together in seq order and are never split across batches, which could
// be sent at the same time.
import type { ClaimedRow } from "./claimed-row";

export function groupBatches(rows: readonly ClaimedRow[], maxBatch: number): ClaimedRow[][] {
  const size = Math.max(1, Math.floor(maxBatch));
  const alone: ClaimedRow[][] = [];
  const units = new Map<string, ClaimedRow[][]>();
  const runs = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    if (row.probe || row.suspect) {
      alone.push([row]);
      continue;
    }
    let unit: ClaimedRow[] | undefined = row.orderingKey !== null ? runs.get(row.orderingKey) : undefined;
    if (!unit) {
      unit = [];
      if (row.orderingKey !== null) runs.set(row.orderingKey, unit);
      const destinationUnits = units.get(row.destination);
      if (destinationUnits) destinationUnits.push(unit);
      else units.set(row.destination, [unit]);
    }
    unit.push(row);
  }
  for (const run of runs.values()) run.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));

  const batches: ClaimedRow[][] = [...alone];
  for (const destinationUnits of units.values()) {
    let batch: ClaimedRow[] = [];
    for (const unit of destinationUnits) {
      for (let i = 0; i < unit.length; i += size) {
        const piece = unit.slice(i, i + size);
        if (batch.length + piece.length > size) {
          batches.push(batch);
          batch = [];
        }
        batch.push(...piece);
      }
    }
    if (batch.length > 0) batches.push(batch);
  }
  return batches;
}
