// One claim round for one channel: the probe of each recovering destination, then due rows of healthy
// destinations, grouped into send() batches. Claimed rows are remembered as held until recorded.
import type { Channel } from "./channel";
import { claimDueDeliveries, claimProbeDeliveries } from "./claim-due-deliveries";
import type { ClaimedRow } from "./claimed-row";
import { maxInFlightFor } from "./destination-limits";
import type { EngineContext } from "./engine-context";
import { extendOrderedRuns } from "./extend-ordered-runs";
import { groupBatches } from "./group-batches";
import { leaseFor } from "./lease";

export async function claimBatches(ctx: EngineContext, channel: Channel, maxBatches: number): Promise<ClaimedRow[][]> {
  if (maxBatches <= 0) return [];
  const { leaseMs } = leaseFor(channel.maxSendMs, ctx.leaseMarginMs);
  const common = {
    channel: channel.name,
    workerId: ctx.workerId,
    leaseMs,
    maxInFlightPerDestination: maxInFlightFor(channel.limits, channel.maxBatch),
  };
  const probes = await claimProbeDeliveries(ctx.db, common);
  const rows = await claimDueDeliveries(ctx.db, { ...common, limit: maxBatches * channel.maxBatch });
  const followers = channel.orderedRuns
    ? await extendOrderedRuns(ctx.db, rows, { workerId: ctx.workerId, leaseMs, maxRun: channel.maxBatch })
    : [];
  const claimed = [...probes, ...rows, ...followers];
  for (const row of claimed) ctx.held.set(row.id, { channel: channel.name, sending: false });
  return groupBatches(claimed, channel.maxBatch);
}
