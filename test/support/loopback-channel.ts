// A delivery channel that talks to the loopback board over real HTTP, classifying answers the way a
// board channel must (lib/delivery/channel.ts): 2xx item verdicts → delivered / failed / retry /
// expired; 429 → retry at Retry-After and a destination backoff; 5xx, 401 and network errors → retry.
// It enforces its own request timeout below maxSendMs, as a well-behaved channel does. A payload with
// `throw: true` makes send() throw, to play a channel bug triggered by one row.
import { randomUUID } from "node:crypto";
import type {
  Channel,
  ChannelName,
  ChannelSendResult,
  ClaimedDelivery,
  DeliveryOutcome,
  DestinationLimits,
  SendContext,
} from "@/lib/delivery/channel";
import type { ItemVerdict } from "./loopback-board";

export type LoopbackChannelOptions = {
  name?: ChannelName;
  baseUrl: string;
  maxBatch?: number;
  maxSendMs?: number;
  limits?: DestinationLimits;
};

function retryAll(batch: ClaimedDelivery[], outcome: DeliveryOutcome): Map<string, DeliveryOutcome> {
  return new Map(batch.map((d) => [d.id, outcome]));
}

export function loopbackChannel(options: LoopbackChannelOptions): Channel {
  const maxSendMs = options.maxSendMs ?? 2_000;
  return {
    name: options.name ?? "seek-signal",
    maxBatch: options.maxBatch ?? 100,
    maxSendMs,
    limits: options.limits,
    async send(batch: ClaimedDelivery[], context: SendContext): Promise<ChannelSendResult> {
      const destination = batch[0]?.destination ?? "";
      if (batch.some((d) => d.destination !== destination)) throw new Error("a batch must have one destination");
      if (batch.some((d) => (d.payload as { throw?: boolean } | null)?.throw)) {
        throw new Error("cannot encode this payload");
      }
      const requestId = randomUUID();
      const requestBody = JSON.stringify({ items: batch.map((d) => ({ id: d.id, payload: d.payload })) });
      const started = Date.now();
      const log = (httpStatus: number | null, errorCodes: string[], responseBody: string | null) => ({
        requestId,
        deliveryIds: batch.map((d) => d.id),
        httpStatus,
        durationMs: Date.now() - started,
        errorCodes,
        requestBody,
        responseBody,
      });
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${options.baseUrl}/send/${encodeURIComponent(destination)}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": requestId, "x-worker-id": context.workerId },
          body: requestBody,
          signal: AbortSignal.any([context.signal, AbortSignal.timeout(Math.floor(maxSendMs * 0.8))]),
        });
        text = await response.text();
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const outcome: DeliveryOutcome = { kind: "retry", code: "NETWORK", message };
        return { outcomes: retryAll(batch, outcome), requests: [log(null, ["NETWORK"], null)] };
      }
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? "1");
        const notBefore = new Date(context.now().getTime() + seconds * 1_000);
        const outcome: DeliveryOutcome = { kind: "retry", code: "RATE_LIMITED", message: "HTTP 429", notBefore };
        return {
          outcomes: retryAll(batch, outcome),
          requests: [log(429, ["RATE_LIMITED"], text)],
          destinationBackoff: { until: notBefore, reason: "HTTP 429 rate limited" },
        };
      }
      if (response.status !== 200) {
        const code = response.status === 401 ? "UNAUTHENTICATED" : `HTTP_${response.status}`;
        const outcome: DeliveryOutcome = { kind: "retry", code, message: `HTTP ${response.status}` };
        return { outcomes: retryAll(batch, outcome), requests: [log(response.status, [code], text)] };
      }
      const { results } = JSON.parse(text) as { results: Record<string, ItemVerdict> };
      const outcomes = new Map<string, DeliveryOutcome>();
      const codes = new Set<string>();
      for (const d of batch) {
        const verdict = results[d.id];
        if (verdict === "ok") outcomes.set(d.id, { kind: "delivered", result: { requestId } });
        else if (verdict === "expired") outcomes.set(d.id, { kind: "expired", message: "the board says expired" });
        else if (verdict?.permanent) {
          codes.add(verdict.error);
          outcomes.set(d.id, { kind: "failed", code: verdict.error, message: verdict.message ?? verdict.error });
        } else {
          const code = verdict?.error ?? "NO_RESULT";
          codes.add(code);
          outcomes.set(d.id, { kind: "retry", code, message: verdict?.message ?? code });
        }
      }
      return { outcomes, requests: [log(200, [...codes], text)] };
    },
  };
}
