// The attempt log of one send: one row per delivery per HTTP request, as the channel reported its
// requests. A delivery carried by several requests (a rejected batch split and resent) gets a row for
// each; the last request that carried it bears the delivery's outcome, the earlier ones were retried.
import type { ChannelRequestLog } from "./channel";
import type { AttemptOutcome, Transition } from "./plan-transition";

export type AttemptRow = {
  deliveryId: string;
  requestId: string;
  workerId: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  outcome: AttemptOutcome;
  errorCodes: string[];
  errorMessage: string | null;
  requestBody: string | null;
  responseBody: string | null;
  batchSize: number;
};

export function planAttempts(
  requests: ChannelRequestLog[],
  transitions: Map<string, Transition>,
  workerId: string,
  sendStartedAt: Date,
): AttemptRow[] {
  const lastRequestOf = new Map<string, number>();
  requests.forEach((request, index) => {
    for (const id of request.deliveryIds) lastRequestOf.set(id, index);
  });
  const rows: AttemptRow[] = [];
  let offsetMs = 0;
  requests.forEach((request, index) => {
    // Channels report requests in the order they made them; start times are reconstructed from that.
    const startedAt = new Date(sendStartedAt.getTime() + offsetMs);
    offsetMs += Math.max(0, request.durationMs);
    for (const deliveryId of new Set(request.deliveryIds)) {
      const transition = transitions.get(deliveryId);
      if (!transition) continue; // not ours to record (lease lost, or not in this batch)
      const final = lastRequestOf.get(deliveryId) === index;
      rows.push({
        deliveryId,
        requestId: request.requestId,
        workerId,
        startedAt,
        durationMs: Math.max(0, Math.round(request.durationMs)),
        httpStatus: request.httpStatus,
        outcome: final ? transition.attemptOutcome : "retry",
        errorCodes: request.errorCodes,
        errorMessage: final ? transition.lastError : null,
        requestBody: request.requestBody,
        responseBody: request.responseBody,
        batchSize: request.deliveryIds.length,
      });
    }
  });
  return rows;
}
