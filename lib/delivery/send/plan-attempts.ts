// The attempt log of one send: each HTTP request the channel reported, stored once with its bodies, and
// one attempt row per delivery per request pointing at it. A delivery carried by several requests (a
// rejected batch split and resent) gets a row for each; the last request that carried it bears the
// delivery's outcome, the earlier ones were retried.
import { randomUUID } from "node:crypto";
import type { ChannelRequestLog } from "../channel";
import type { AttemptOutcome, Transition } from "../record/plan-transition";

export type RequestRow = {
  id: string;
  requestId: string;
  channel: string;
  workerId: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  errorCodes: string[];
  requestBody: string | null;
  responseBody: string | null;
  batchSize: number;
};

export type AttemptRow = {
  id: string;
  deliveryId: string;
  requestLogId: string;
  requestId: string;
  workerId: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  outcome: AttemptOutcome;
  errorCodes: string[];
  errorMessage: string | null;
  batchSize: number;
};

export type AttemptLog = { requests: RequestRow[]; attempts: AttemptRow[] };

export function planAttempts(
  requests: ChannelRequestLog[],
  transitions: Map<string, Transition>,
  context: { workerId: string; channel: string; sendStartedAt: Date },
  newId: () => string = randomUUID,
): AttemptLog {
  const { workerId, channel, sendStartedAt } = context;
  const lastRequestOf = new Map<string, number>();
  requests.forEach((request, index) => {
    for (const id of request.deliveryIds) lastRequestOf.set(id, index);
  });
  const log: AttemptLog = { requests: [], attempts: [] };
  let offsetMs = 0;
  requests.forEach((request, index) => {
    // Channels report requests in the order they made them; start times are reconstructed from that.
    const startedAt = new Date(sendStartedAt.getTime() + offsetMs);
    offsetMs += Math.max(0, request.durationMs);
    const ours = [...new Set(request.deliveryIds)].filter((id) => transitions.has(id));
    if (ours.length === 0) return; // nothing of it is ours to record (leases lost)
    const durationMs = Math.max(0, Math.round(request.durationMs));
    const batchSize = request.deliveryIds.length;
    const shared = { requestId: request.requestId, workerId, startedAt, durationMs, httpStatus: request.httpStatus };
    const requestLogId = newId();
    log.requests.push({
      id: requestLogId,
      ...shared,
      channel,
      errorCodes: request.errorCodes,
      requestBody: request.requestBody,
      responseBody: request.responseBody,
      batchSize,
    });
    for (const deliveryId of ours) {
      const transition = transitions.get(deliveryId)!;
      const final = lastRequestOf.get(deliveryId) === index;
      log.attempts.push({
        id: newId(),
        deliveryId,
        requestLogId,
        ...shared,
        outcome: final ? transition.attemptOutcome : "retry",
        errorCodes: request.errorCodes,
        errorMessage: final ? transition.lastError : null,
        batchSize,
      });
    }
  });
  return log;
}
