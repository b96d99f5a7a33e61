// What every SEEK channel's send() shares: the send deadline, the partner token with SEEK's "renew and
// retry once" on UNAUTHENTICATED, and how a failure that is not the deliveries' own (rate limit,
// transient, credentials) settles everything not yet sent and backs off the destination.
import type { ChannelSendResult, ClaimedDelivery, DeliveryOutcome, SendContext } from "@/lib/delivery/channel";
import type { SeekClassification } from "./classify-seek-response";
import { PartnerTokenError, type PartnerTokenSource } from "./partner-token-source";

export type SeekSendOptions = {
  tokens: PartnerTokenSource;
  /** the longest one send() may take, every request included (default 60 s) */
  maxSendMs?: number;
  /** notBefore and destination back-off after a 429 without Retry-After (default 30 s) */
  rateLimitBackoffMs?: number;
  /** destination back-off after a 5xx, timeout or network failure (default 15 s) */
  unhealthyBackoffMs?: number;
  /** destination back-off when no partner token can be had or SEEK keeps refusing it (default 60 s) */
  credentialsBackoffMs?: number;
};

export const DEFAULT_MAX_SEND_MS = 60_000;

type StopClassification = Extract<SeekClassification, { category: "unauthenticated" | "rate_limited" | "transient" }>;

export type SeekSendRun = {
  result: ChannelSendResult;
  /** gives each delivery without an outcome yet this one */
  settle(deliveries: ClaimedDelivery[], outcome: DeliveryOutcome): void;
  /** a token for the next request, or null after settling `rest` when there is none (or no time) left */
  nextToken(rest: ClaimedDelivery[]): Promise<string | null>;
  /** aborts with the worker's signal or at the send deadline */
  requestSignal(): AbortSignal;
  /** true: SEEK refused the token for the first time, a new one is fetched on nextToken(); resend */
  renewAfterUnauthenticated(token: string): Promise<boolean>;
  /** settles `rest` as retries after a failure that is not the deliveries' own; stop sending after this */
  stop(classification: StopClassification, rest: ClaimedDelivery[]): void;
};

export function startSeekSend(options: SeekSendOptions, context: SendContext): SeekSendRun {
  const maxSendMs = options.maxSendMs ?? DEFAULT_MAX_SEND_MS;
  const deadline = Date.now() + maxSendMs;
  const result: ChannelSendResult = { outcomes: new Map(), requests: [] };
  const later = (ms: number) => new Date(context.now().getTime() + ms);
  const backOff = (ms: number, reason: string) => {
    result.destinationBackoff = { until: later(ms), reason };
  };
  const settle = (deliveries: ClaimedDelivery[], outcome: DeliveryOutcome) => {
    for (const d of deliveries) if (!result.outcomes.has(d.id)) result.outcomes.set(d.id, outcome);
  };
  let renewed = false;
  let sendSignal: AbortSignal | undefined;

  return {
    result,
    settle,
    async nextToken(rest) {
      if (context.signal.aborted || Date.now() >= deadline) {
        const aborted = context.signal.aborted;
        const message = aborted ? "The worker stopped before sending" : `Not sent within ${maxSendMs} ms`;
        settle(rest, { kind: "retry", code: aborted ? "ABORTED" : "SEND_DEADLINE", message });
        return null;
      }
      try {
        return await options.tokens.getToken();
      } catch (error) {
        if (!(error instanceof PartnerTokenError)) throw error;
        settle(rest, { kind: "retry", code: `SEEK_TOKEN_${error.kind.toUpperCase()}`, message: error.message });
        backOff(options.credentialsBackoffMs ?? 60_000, error.message);
        return null;
      }
    },
    // One signal for the whole send: its deadline is fixed, and a history send makes up to ten requests.
    requestSignal: () => {
      sendSignal ??= AbortSignal.any([context.signal, AbortSignal.timeout(Math.max(1, deadline - Date.now()))]);
      return sendSignal;
    },
    async renewAfterUnauthenticated(token) {
      await options.tokens.invalidate(token);
      if (renewed) return false;
      renewed = true;
      return true;
    },
    stop(classification, rest) {
      const code = classification.codes[0] ?? classification.category.toUpperCase();
      const { message } = classification;
      if (classification.category === "rate_limited") {
        const waitMs = classification.retryAfterMs ?? options.rateLimitBackoffMs ?? 30_000;
        settle(rest, { kind: "retry", code, message, notBefore: later(waitMs) });
        backOff(waitMs, `Rate limited by SEEK: ${message}`);
      } else if (classification.category === "unauthenticated") {
        settle(rest, { kind: "retry", code, message });
        backOff(options.credentialsBackoffMs ?? 60_000, `SEEK refused a freshly issued partner token: ${message}`);
      } else {
        settle(rest, { kind: "retry", code, message });
        if (classification.destinationUnhealthy) {
          backOff(options.unhealthyBackoffMs ?? 15_000, `SEEK unavailable: ${message}`);
        }
      }
    },
  };
}
