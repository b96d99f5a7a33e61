// Writes what one send did, in one transaction: every row's state transition, each HTTP request once
// with one DeliveryAttempt per delivery it carried, and the destination's health. Every row update is
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
import { DB_NOW } from "../sql";
import type { Random } from "./backoff";
import { destinationVerdict, recordDestinationFailure, recordDestinationRecovered } from "./destination-health";
import { planTransition, type Transition } from "./plan-transition";
import { writeAttemptLog } from "./write-attempt-log";

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
  /** told of every transition in the same transaction (the operational webhooks) */
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

  return db.$transaction(async (tx) => {
    const kept = await tx.$queryRaw<{ id: string; orderingKey: string | null }[]>`
      UPDATE "Delivery" AS t
      SET state = v.state::"DeliveryState", "nextAttemptAt" = COALESCE(v.next_at, t."nextAttemptAt"),
          "lastError" = v.last_error, "lastErrorCode" = v.last_error_code, "deliveredAt" = v.delivered_at,
          "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${DB_NOW}
      FROM unnest(
        ${planned.map((p) => p.id)}::text[], ${planned.map((p) => p.state)}::text[],
        ${planned.map((p) => p.nextAttemptAt)}::timestamp(3)[], ${planned.map((p) => p.lastError)}::text[],
        ${planned.map((p) => p.lastErrorCode)}::text[], ${planned.map((p) => p.deliveredAt)}::timestamp(3)[],
        ${batch.map((row) => row.attempts)}::int[]
      ) AS v(id, state, next_at, last_error, last_error_code, delivered_at, claim_attempts)
      WHERE t.id = v.id AND t."leaseOwner" = ${workerId} AND t.state = 'in_flight'
        AND t.attempts = v.claim_attempts
      RETURNING t.id, t."orderingKey"`;
    const keptIds = new Set(kept.map((k) => k.id));
    const transitions = new Map<string, Transition>(planned.filter((p) => keptIds.has(p.id)).map((p) => [p.id, p]));

    if (input.recordDelivered) {
      const delivered = batch.flatMap((row, i) => {
        const outcome = outcomes[i]!;
        return keptIds.has(row.id) && outcome.kind === "delivered" && outcome.result
          ? [{ delivery: toChannelDelivery(row), result: outcome.result }]
          : [];
      });
      if (delivered.length > 0) await input.recordDelivered(tx, delivered);
    }

    const log = planAttempts(result.requests, transitions, {
      workerId,
      channel: batch[0]?.channel ?? "unknown",
      sendStartedAt: input.sendStartedAt,
    });
    await writeAttemptLog(tx, log);

    // Observers (the operational webhooks: delivery.failed/dead/expired) commit with the state they report.
    const observer = input.onTransitions;
    const observed = observer ? [...transitions.values()].filter((t) => observer.states.includes(t.state)) : [];
    const observerRows =
      observer && observed.length > 0 ? await observer.record(tx, observed, batch[0]?.channel ?? "", now) : 0;

    let recovered = false;
    if (destination && verdict.kind === "unhealthy") {
      await recordDestinationFailure(tx, destination, verdict, { probe, now, random: input.random });
    } else if (destination && verdict.kind === "healthy" && probe) {
      recovered = await recordDestinationRecovered(tx, destination);
    }
    // Wake the other workers (at commit) when this made rows claimable that were not: the next row of an
    // ordering key, or a destination whose circuit just closed.
    const unblocksKey = kept.some((k) => k.orderingKey !== null && transitions.get(k.id)?.state !== "pending");
    if (unblocksKey || recovered || observerRows > 0) await tx.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, '')`;

    const summary: RecordSummary = { delivered: 0, retried: 0, failed: 0, dead: 0, expired: 0, leaseLost: [] };
    for (const p of planned) {
      if (!keptIds.has(p.id)) summary.leaseLost.push(p.id);
      else if (p.state === "pending") summary.retried++;
      else summary[p.state]++;
    }
    return summary;
  });
}
