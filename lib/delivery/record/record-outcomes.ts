// Writes what one send did, atomically: every row's state transition, each HTTP request once with one
// DeliveryAttempt per delivery it carried (one statement, write-outcomes.ts), and the destination's health. Every row update is
// guarded by the claim it was sent under (`leaseOwner = me AND state = 'in_flight' AND attempts = the
// claim's count`): a worker that lost its lease (it stalled, the row was taken back and perhaps delivered
// by another) cannot overwrite the other worker's result, nor the result of its own newer claim of the
// same row (every claim counts an attempt), and its attempt rows are not written either (they are logged
// instead).
import type { Db } from "../../db/client";
import type { Channel, ChannelSendResult, DeliveryOutcome } from "../channel";
import type { ClaimedRow } from "../claim/claimed-row";
import { toChannelDelivery } from "../claim/claimed-row";
import type { EngineObservers } from "../engine-observers";
import { WAKE_CHANNEL } from "../run/wake-channel";
import { planAttempts } from "../send/plan-attempts";
import type { Random } from "./backoff";
import { destinationVerdict, recordDestinationFailure, recordDestinationRecovered } from "./destination-health";
import { planTransition } from "./plan-transition";
import { writeOutcomes } from "./write-outcomes";

export type RecordSummary = {
  delivered: number;
  retried: number;
  failed: number;
  dead: number;
  expired: number;
  /** rows this worker no longer held when it came to record them */
  leaseLost: string[];
};

export type RecordInput = {
  workerId: string;
  batch: ClaimedRow[];
  result: ChannelSendResult;
  sendStartedAt: Date;
  now: Date;
  deadAfterMs: number;
  random?: Random;
  /** false when the engine decided the outcomes itself (expired before send): the board was not asked */
  judgeDestination?: boolean;
  /** the channel's hook for what the board answered about delivered rows, run in the same transaction */
  recordDelivered?: Channel["recordDelivered"];
  /** told of transitions into the states it names, in the same transaction (the operational webhooks) */
  onTransitions?: EngineObservers["onTransitions"];
};

const NO_OUTCOME: DeliveryOutcome = { kind: "retry", code: "NO_OUTCOME", message: "the channel reported no outcome" };

export async function recordOutcomes(db: Db, input: RecordInput): Promise<RecordSummary> {
  const { workerId, batch, result, now } = input;
  const outcomes = batch.map((row) => result.outcomes.get(row.id) ?? NO_OUTCOME);
  const planned = batch.map((row, i) =>
    planTransition({ delivery: row, outcome: outcomes[i]!, now, deadAfterMs: input.deadAfterMs, random: input.random }),
  );
  const verdict =
    input.judgeDestination === false
      ? ({ kind: "unknown" } as const)
      : destinationVerdict(outcomes, result.destinationBackoff);
  const destination = batch[0]?.destination;
  const probe = batch.some((row) => row.probe);

  const log = planAttempts(result.requests, new Map(planned.map((p) => [p.id, p])), {
    workerId,
    channel: batch[0]?.channel ?? "unknown",
    sendStartedAt: input.sendStartedAt,
  });
  const written = { workerId, planned: planned.map((p, i) => ({ ...p, claimAttempts: batch[i]!.attempts })), log };
  const deliveredResults = input.recordDelivered ? outcomes.some((o) => o.kind === "delivered" && o.result) : false;
  const destinationChanges =
    destination !== undefined && (verdict.kind === "unhealthy" || (verdict.kind === "healthy" && probe));
  const observer = input.onTransitions;
  const observed = observer ? planned.filter((p) => observer.states.includes(p.state)) : [];

  // The common case (a healthy board, no channel hook) is the one statement alone; a transaction is
  // opened only when more must commit with it.
  const kept =
    deliveredResults || destinationChanges || observed.length > 0
      ? await db.$transaction(async (tx) => {
          const rows = await writeOutcomes(tx, written);
          const keptIds = new Set(rows.map((k) => k.id));
          if (input.recordDelivered) {
            const delivered = batch.flatMap((row, i) => {
              const outcome = outcomes[i]!;
              return keptIds.has(row.id) && outcome.kind === "delivered" && outcome.result
                ? [{ delivery: toChannelDelivery(row), result: outcome.result }]
                : [];
            });
            if (delivered.length > 0) await input.recordDelivered(tx, delivered, now);
          }
          let recovered = false;
          if (destination && verdict.kind === "unhealthy") {
            await recordDestinationFailure(tx, destination, verdict, { probe, now, random: input.random });
          } else if (destination && verdict.kind === "healthy" && probe) {
            recovered = await recordDestinationRecovered(tx, destination);
          }
          // Observers (the operational webhooks: delivery.failed/dead/expired) commit with the state they
          // report, and hear only of rows this worker still held.
          const heard = observed.filter((p) => keptIds.has(p.id));
          const observerRows =
            observer && heard.length > 0 ? await observer.record(tx, heard, batch[0]?.channel ?? "", now) : 0;
          // A destination whose circuit just closed, or rows an observer queued, make rows claimable that
          // were not: wake the others.
          if (recovered || observerRows > 0) await tx.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, '')`;
          return rows;
        })
      : await writeOutcomes(db, written);

  const keptIds = new Set(kept.map((k) => k.id));
  const summary: RecordSummary = { delivered: 0, retried: 0, failed: 0, dead: 0, expired: 0, leaseLost: [] };
  for (const p of planned) {
    if (!keptIds.has(p.id)) summary.leaseLost.push(p.id);
    else if (p.state === "pending") summary.retried++;
    else summary[p.state]++;
  }
  return summary;
}
