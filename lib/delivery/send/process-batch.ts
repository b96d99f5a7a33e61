// One batch from claim to record: rows whose identifier expired are recorded `expired` without being
// sent; the channel sends under a deadline; the outcomes are recorded under the lease. A channel that
// throws or overruns its deadline is a retry for the whole batch, recorded as such, never a crash of the
// worker.
import { randomUUID } from "node:crypto";
import type { Channel, ChannelSendResult, DeliveryOutcome } from "../channel";
import { type ClaimedRow, SEND_ERROR_CODE, SEND_TIMEOUT_CODE, toChannelDelivery } from "../claim/claimed-row";
import { sendDeadlineMs } from "../claim/lease";
import { releaseProbe } from "../record/destination-health";
import { expiredBeforeSend } from "../record/plan-transition";
import { type RecordSummary, recordOutcomes } from "../record/record-outcomes";
import type { EngineContext } from "../run/engine-context";

export type BatchCounts = Omit<RecordSummary, "leaseLost"> & {
  leaseLost: number;
  released: number;
  sendErrors: number;
  requests: number;
};

export function emptyCounts(): BatchCounts {
  return {
    delivered: 0,
    retried: 0,
    failed: 0,
    dead: 0,
    expired: 0,
    leaseLost: 0,
    released: 0,
    sendErrors: 0,
    requests: 0,
  };
}

export function addCounts(into: BatchCounts, more: BatchCounts): void {
  for (const key of Object.keys(emptyCounts()) as (keyof BatchCounts)[]) into[key] += more[key];
}

class SendTimeout extends Error {}

const RECORD_TRIES = 3;

async function record(
  ctx: EngineContext,
  batch: ClaimedRow[],
  result: ChannelSendResult,
  sendStartedAt: Date,
  counts: BatchCounts,
  judgeDestination = true,
  recordDelivered?: Channel["recordDelivered"],
): Promise<void> {
  const input = {
    workerId: ctx.workerId,
    batch,
    result,
    sendStartedAt,
    deadAfterMs: ctx.deadAfterMs,
    recordDelivered,
    onTransitions: ctx.observers.onTransitions,
  };
  let summary: RecordSummary | undefined;
  // A failed write is tried again: the alternative is a lapsed lease and the batch sent twice. A retry
  // of a write that did commit finds no row still leased to us and changes nothing.
  for (let attempt = 1; !summary; attempt++) {
    try {
      summary = await recordOutcomes(ctx.db, { ...input, now: ctx.now(), random: ctx.random, judgeDestination });
    } catch (error) {
      if (attempt >= RECORD_TRIES) throw error;
      ctx.log.warn(`recording ${batch.length} outcomes failed (try ${attempt} of ${RECORD_TRIES})`, error);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  for (const id of summary.leaseLost) {
    ctx.log.warn(`lease on delivery ${id} was lost before its result was recorded; the other holder's result stands`);
  }
  addCounts(counts, { ...emptyCounts(), ...summary, leaseLost: summary.leaseLost.length });
}

function failedSend(batch: ClaimedRow[], code: string, message: string, durationMs: number): ChannelSendResult {
  const outcome: DeliveryOutcome = { kind: "retry", code, message };
  return {
    outcomes: new Map(batch.map((row) => [row.id, outcome])),
    // No request log came back; one engine-made entry keeps the attempt visible in the log.
    requests: [
      {
        requestId: `engine-${randomUUID()}`,
        deliveryIds: batch.map((row) => row.id),
        httpStatus: null,
        durationMs,
        errorCodes: [code],
        requestBody: null,
        responseBody: null,
      },
    ],
  };
}

async function send(ctx: EngineContext, channel: Channel, batch: ClaimedRow[]): Promise<ChannelSendResult> {
  const started = Date.now();
  const deadline = new AbortController();
  const signal = AbortSignal.any([ctx.hardStop.signal, deadline.signal]);
  const abortTimer = setTimeout(() => deadline.abort(new SendTimeout("send deadline")), channel.maxSendMs);
  let giveUpTimer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    giveUpTimer = setTimeout(() => reject(new SendTimeout()), sendDeadlineMs(channel.maxSendMs));
  });
  const sending = Promise.resolve().then(() =>
    channel.send(batch.map(toChannelDelivery), { workerId: ctx.workerId, now: ctx.now, signal }),
  );
  sending.catch(() => {}); // it may settle after we gave up on it
  try {
    const result = await Promise.race([sending, giveUp]);
    if (!(result?.outcomes instanceof Map) || !Array.isArray(result.requests)) {
      throw new Error("send() returned no outcomes map / requests list");
    }
    return result;
  } catch (error) {
    const ms = Date.now() - started;
    if (error instanceof SendTimeout) {
      ctx.log.warn(
        `${channel.name} send of ${batch.length} to ${batch[0]?.destination} overran ${channel.maxSendMs} ms`,
      );
      return failedSend(
        batch,
        SEND_TIMEOUT_CODE,
        `the ${channel.name} channel did not answer within ${channel.maxSendMs} ms`,
        ms,
      );
    }
    ctx.log.warn(`${channel.name} send threw`, error);
    const message = error instanceof Error ? error.message : String(error);
    return failedSend(batch, SEND_ERROR_CODE, `the ${channel.name} channel failed: ${message}`.slice(0, 2000), ms);
  } finally {
    clearTimeout(abortTimer);
    clearTimeout(giveUpTimer);
  }
}

export async function processBatch(ctx: EngineContext, channel: Channel, batch: ClaimedRow[]): Promise<BatchCounts> {
  const counts = emptyCounts();
  const ownHold = (row: ClaimedRow) => {
    const held = ctx.held.get(row.id);
    return held?.attempts === row.attempts ? held : undefined;
  };
  try {
    const now = ctx.now();
    const expired = new Map<string, DeliveryOutcome>();
    for (const row of batch) {
      const outcome = expiredBeforeSend(row.expiresAt, now);
      if (outcome) expired.set(row.id, outcome);
    }
    if (expired.size > 0) {
      const rows = batch.filter((row) => expired.has(row.id));
      await record(ctx, rows, { outcomes: expired, requests: [] }, now, counts, false);
    }
    const sendable = batch.filter((row) => !expired.has(row.id));
    if (sendable.length === 0) {
      if (batch[0]?.probe) await releaseProbe(ctx.db, batch[0].destination);
      return counts;
    }

    for (const row of sendable) {
      const held = ownHold(row);
      if (held) held.sending = true;
    }
    const sendStartedAt = ctx.now();
    const result = await send(ctx, channel, sendable);
    counts.requests += result.requests.length;
    if (result.requests.some((r) => r.requestId.startsWith("engine-"))) counts.sendErrors++;
    await record(ctx, sendable, result, sendStartedAt, counts, true, channel.recordDelivered?.bind(channel));
    return counts;
  } finally {
    for (const row of batch) if (ownHold(row)) ctx.held.delete(row.id);
  }
}
