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
  /** from anyHalfOpenCircuit, asked once per round (still in flight while this claim starts) */
  halfOpenCircuits: Promise<boolean>,
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
  // Probes are of failed destinations, which the claim of due rows leaves alone: the two run at once.
  const [probeClaim, dueClaim] = await Promise.allSettled([
    halfOpenCircuits.then((any) => (any ? claimProbeDeliveries(ctx.db, common) : [])),
    claimDueDeliveries(ctx.db, { ...common, limit: budget }),
  ]);
  if (probeClaim.status === "rejected" || dueClaim.status === "rejected") {
    // What the other half claimed goes back now rather than waiting out its lease unsent.
    const taken = [probeClaim, dueClaim].flatMap((claim) => (claim.status === "fulfilled" ? claim.value : []));
    await releaseLeases(
      ctx.db,
      ctx.workerId,
      taken.map((row) => row.id),
      { unsent: true },
    ).catch(() => {}); // the lease lapses on its own
    throw probeClaim.status === "rejected" ? probeClaim.reason : (dueClaim as PromiseRejectedResult).reason;
  }
  const probes = probeClaim.value;
  let rows = dueClaim.value;
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
