// The "seek-signal" channel: Selection Signals to SEEK, up to 100 per sendSignals (seed 000). A rejected
// batch is never lost whole: SEEK rejects every signal of a request for one bad one, so the bad ones are
// failed with SEEK's message and the rest resent, splitting the batch when SEEK names no position.
// Decisions: docs/decisions/0033-seek-signal-channel.md.
import type { Channel, ChannelSendResult, ClaimedDelivery, DeliveryOutcome, SendContext } from "@/lib/delivery/channel";
import { PartnerTokenError, type PartnerTokenSource } from "./partner-token-source";
import type { SeekClient } from "./seek-graphql-client";
import { sendSignalRequest } from "./send-signal-request";
import { MAX_SIGNALS_PER_REQUEST } from "./signal-documents";

export type SeekSignalChannelOptions = {
  client: SeekClient;
  tokens: PartnerTokenSource;
  /** the longest one send() may take, every request and split included (default 60 s) */
  maxSendMs?: number;
  /** notBefore and destination back-off after a 429 without Retry-After (default 30 s) */
  rateLimitBackoffMs?: number;
  /** destination back-off after a 5xx, timeout or network failure (default 15 s) */
  unhealthyBackoffMs?: number;
  /** destination back-off when no partner token can be had or SEEK keeps refusing it (default 60 s) */
  credentialsBackoffMs?: number;
};

const split = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

function byOrganization(group: ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const delivery of group)
    groups.set(delivery.organizationId, [...(groups.get(delivery.organizationId) ?? []), delivery]);
  return [...groups.values()];
}

export function createSeekSignalChannel(options: SeekSignalChannelOptions): Channel {
  const maxSendMs = options.maxSendMs ?? 60_000;
  const rateLimitBackoffMs = options.rateLimitBackoffMs ?? 30_000;
  const unhealthyBackoffMs = options.unhealthyBackoffMs ?? 15_000;
  const credentialsBackoffMs = options.credentialsBackoffMs ?? 60_000;

  async function send(batch: ClaimedDelivery[], context: SendContext): Promise<ChannelSendResult> {
    const result: ChannelSendResult = { outcomes: new Map(), requests: [] };
    const deadline = Date.now() + maxSendMs;
    const later = (ms: number) => new Date(context.now().getTime() + ms);
    const settle = (groups: ClaimedDelivery[][], outcome: DeliveryOutcome) => {
      for (const delivery of groups.flat())
        if (!result.outcomes.has(delivery.id)) result.outcomes.set(delivery.id, outcome);
    };
    const backOff = (ms: number, reason: string) => {
      result.destinationBackoff = { until: later(ms), reason };
    };

    // A seek-token past its 180 days is accepted by SEEK and does nothing: not sending it is ours to do.
    const live: ClaimedDelivery[] = [];
    for (const delivery of batch) {
      if (delivery.expiresAt && delivery.expiresAt <= context.now()) {
        result.outcomes.set(delivery.id, { kind: "expired", message: "The SEEK identifier is older than 180 days" });
      } else live.push(delivery);
    }

    const pending = split(live, MAX_SIGNALS_PER_REQUEST);
    let renewedToken = false;
    for (let group = pending.shift(); group; group = pending.shift()) {
      if (context.signal.aborted || Date.now() >= deadline) {
        const message = context.signal.aborted
          ? "The worker stopped before sending"
          : `Not sent within ${maxSendMs} ms`;
        settle([group, ...pending], {
          kind: "retry",
          code: context.signal.aborted ? "ABORTED" : "SEND_DEADLINE",
          message,
        });
        break;
      }
      let token: string;
      try {
        token = await options.tokens.getToken();
      } catch (error) {
        if (!(error instanceof PartnerTokenError)) throw error;
        settle([group, ...pending], {
          kind: "retry",
          code: `SEEK_TOKEN_${error.kind.toUpperCase()}`,
          message: error.message,
        });
        backOff(credentialsBackoffMs, error.message);
        break;
      }
      const signal = AbortSignal.any([context.signal, AbortSignal.timeout(Math.max(1, deadline - Date.now()))]);
      const { classification: outcome, log } = await sendSignalRequest(options.client, group, {
        token,
        signal,
        now: context.now,
      });
      result.requests.push(log);

      if (outcome.category === "ok") {
        settle([group], { kind: "delivered" });
      } else if (outcome.category === "unauthenticated") {
        await options.tokens.invalidate(token);
        if (!renewedToken) {
          // SEEK's advice: fetch a new partner token and retry once.
          renewedToken = true;
          pending.unshift(group);
          continue;
        }
        settle([group, ...pending], {
          kind: "retry",
          code: outcome.codes[0] ?? "UNAUTHENTICATED",
          message: outcome.message,
        });
        backOff(credentialsBackoffMs, `SEEK refused a freshly issued partner token: ${outcome.message}`);
        break;
      } else if (outcome.category === "forbidden") {
        const organizations = byOrganization(group);
        // FORBIDDEN is about one hirer relationship; a mixed batch must not fail every organization for one.
        if (organizations.length > 1) pending.unshift(...organizations);
        else settle([group], { kind: "failed", code: "FORBIDDEN", message: outcome.message });
      } else if (outcome.category === "bad_user_input") {
        const named = [...outcome.invalidSignals].filter(([index]) => index < group.length);
        if (named.length > 0) {
          for (const [index, message] of named) {
            const delivery = group[index];
            if (delivery) result.outcomes.set(delivery.id, { kind: "failed", code: "BAD_USER_INPUT", message });
          }
          const rest = group.filter((d) => !result.outcomes.has(d.id));
          if (rest.length > 0) pending.unshift(rest);
        } else if (group.length === 1) {
          settle([group], { kind: "failed", code: "BAD_USER_INPUT", message: outcome.message });
        } else {
          // SEEK named no position: halve until each bad signal stands alone.
          const half = Math.ceil(group.length / 2);
          pending.unshift(group.slice(0, half), group.slice(half));
        }
      } else if (outcome.category === "rate_limited") {
        const waitMs = outcome.retryAfterMs ?? rateLimitBackoffMs;
        const code = outcome.codes[0] ?? "RATE_LIMITED";
        settle([group, ...pending], { kind: "retry", code, message: outcome.message, notBefore: later(waitMs) });
        backOff(waitMs, `Rate limited by SEEK: ${outcome.message}`);
        break;
      } else {
        settle([group, ...pending], { kind: "retry", code: outcome.codes[0] ?? "UNKNOWN", message: outcome.message });
        if (outcome.destinationUnhealthy) backOff(unhealthyBackoffMs, `SEEK unavailable: ${outcome.message}`);
        break;
      }
    }
    return result;
  }

  return { name: "seek-signal", maxBatch: MAX_SIGNALS_PER_REQUEST, maxSendMs, send };
}
