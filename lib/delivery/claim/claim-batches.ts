// One claim round for one channel: the probe of each recovering destination, then due rows of healthy
// destinations, grouped into send() batches. A round holds at most its batch slots × maxBatch rows,
// runs of ordering keys included (fit-ordered-runs.ts). Claimed rows are remembered as held until recorded.
import type { Channel } from "../channel";
import { releaseLeases } from "../record/release-leases";
import type { EngineContext } from "../run/engine-context";
import { claimDueDeliveries, claimProbeDeliveries } from "./claim-due-deliveries";
import type { ClaimedRow } from "./claimed-row";
import { countRunFollowers, extendOrderedRuns } from "./extend-ordered-runs";
import { fitOrderedRuns } from "./fit-ordered-runs";
import { groupBatches } from "./group-batches";
import { maxInFlightFor } from "./in-flight-limit";

export async function claimBatches(
  ctx: EngineContext,
  channel: Channel,
  maxBatches: number,
  /** from anyHalfOpenCircuit, asked once per round */
  halfOpenCircuits: boolean,
): Promise<ClaimedRow[][]> {
  if (maxBatches <= 0) return [];
  const { leaseMs } = ctx.lease;
  const common = {
    channel: channel.name,
    workerId: ctx.workerId,
    leaseMs,
    maxInFlightPerDestination: maxInFlightFor(channel.limits, channel.maxBatch),
  };
  const budget = maxBatches * channel.maxBatch;
  const probes = halfOpenCircuits ? await claimProbeDeliveries(ctx.db, common) : [];
  let rows = await claimDueDeliveries(ctx.db, { ...common, limit: budget });
  let followers: ClaimedRow[] = [];
  if (channel.orderedRuns) {
    const run = { workerId: ctx.workerId, maxRun: channel.maxBatch };
    const { keep, giveBack } = fitOrderedRuns(rows, await countRunFollowers(ctx.db, rows, run), { ...run, budget });
    if (giveBack.length > 0) {
      await releaseLeases(
        ctx.db,
        ctx.workerId,
        giveBack.map((row) => row.id),
        { unsent: true },
      );
    }
    rows = keep;
    followers = await extendOrderedRuns(ctx.db, keep, { ...run, leaseMs, budget: budget - keep.length });
  }
  const claimed = [...probes, ...rows, ...followers];
  for (const row of claimed) ctx.held.set(row.id, { attempts: row.attempts, sending: false, probe: row.probe });
  return groupBatches(claimed, channel.maxBatch);
}
