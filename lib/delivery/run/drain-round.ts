// One claim round across the registered channels, shared by every way of running the drain loop.
import type { Channel } from "../channel";
import { claimBatches } from "../claim/claim-batches";
import { anyHalfOpenCircuit } from "../claim/claim-due-deliveries";
import type { ClaimedRow } from "../claim/claimed-row";
import type { UnservedChannel } from "../claim/unserved-channels";
import { type BatchCounts, emptyCounts } from "../send/process-batch";
import type { EngineContext } from "./engine-context";

export type DrainSummary = BatchCounts & {
  workerId: string;
  claimed: number;
  batches: number;
  /** rows taken back from workers whose lease lapsed */
  reaped: number;
  /** due rows of channels this worker does not serve (left untouched) */
  unservedChannels: UnservedChannel[];
};

export function emptySummary(workerId: string): DrainSummary {
  return { ...emptyCounts(), workerId, claimed: 0, batches: 0, reaped: 0, unservedChannels: [] };
}

/** Claims up to `maxBatches` batches, channel by channel, in registration order. */
export async function claimRound(
  ctx: EngineContext,
  maxBatches: number,
  summary: DrainSummary,
): Promise<[Channel, ClaimedRow[]][]> {
  const claimed: [Channel, ClaimedRow[]][] = [];
  // Asked beside the first channel's claim, not before it: the answer is only needed for probes, which
  // touch no destination the claim of healthy ones can take, and on a busy database the extra round
  // trip in front of every claim was a third of the claim loop's time (docs/decisions/0180).
  const halfOpenCircuits = anyHalfOpenCircuit(ctx.db);
  halfOpenCircuits.catch(() => {}); // each channel's claim awaits it; a round that claims nothing does not
  for (const channel of ctx.registry.list()) {
    const free = maxBatches - claimed.length;
    if (free <= 0) break;
    for (const batch of await claimBatches(ctx, channel, free, halfOpenCircuits)) {
      claimed.push([channel, batch]);
      summary.claimed += batch.length;
      summary.batches++;
    }
  }
  return claimed;
}
