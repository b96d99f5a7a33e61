// The "seek-signal" channel: Selection Signals to SEEK, up to 100 per sendSignals (seed 000). A rejected
// batch is never lost whole: SEEK rejects every signal of a request for one bad one, so the bad ones are
// failed with SEEK's message and the rest resent, splitting the batch when SEEK names no position.
// Identifiers past their 180 days never get here: the engine records them expired before send.
// Decisions: docs/decisions/0033-seek-signal-channel.md.
import type { Channel, ClaimedDelivery } from "@/lib/delivery/channel";
import type { SeekClient } from "./seek-graphql-client";
import { DEFAULT_MAX_SEND_MS, type SeekSendOptions, startSeekSend } from "./seek-send-run";
import { sendSeekRequest } from "./send-seek-request";
import {
  MAX_SIGNALS_PER_REQUEST,
  SendSignalDocument,
  type SendSignalInput,
  SendSignalsDocument,
} from "./signal-documents";

export type SeekSignalChannelOptions = SeekSendOptions & { client: SeekClient };

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** One signal goes as sendSignal, more as one sendSignals (seed 000). The payload is the SendSignalInput. */
function sendSignalGroup(client: SeekClient, group: ClaimedDelivery[], options: Parameters<typeof sendSeekRequest>[2]) {
  const signals = group.map((d) => d.payload as SendSignalInput);
  const [only] = signals;
  return signals.length === 1 && only
    ? sendSeekRequest(client, { document: SendSignalDocument, variables: { input: only }, deliveries: group }, options)
    : sendSeekRequest(
        client,
        { document: SendSignalsDocument, variables: { input: { signals } }, deliveries: group },
        options,
      );
}

function byOrganization(group: ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const d of group) groups.set(d.organizationId, [...(groups.get(d.organizationId) ?? []), d]);
  return [...groups.values()];
}

export function createSeekSignalChannel(options: SeekSignalChannelOptions): Channel {
  return {
    name: "seek-signal",
    maxBatch: MAX_SIGNALS_PER_REQUEST,
    maxSendMs: options.maxSendMs ?? DEFAULT_MAX_SEND_MS,
    async send(batch, context) {
      const run = startSeekSend(options, context);
      const pending = chunk(batch, MAX_SIGNALS_PER_REQUEST);
      for (let group = pending.shift(); group; group = pending.shift()) {
        const rest = [group, ...pending].flat();
        const token = await run.nextToken(rest);
        if (token === null) break;
        const { classification: outcome, log } = await sendSignalGroup(options.client, group, {
          token,
          signal: run.requestSignal(),
          now: context.now,
        });
        run.result.requests.push(log);

        if (outcome.category === "ok") {
          run.settle(group, { kind: "delivered" });
        } else if (outcome.category === "forbidden") {
          // FORBIDDEN is about one hirer relationship: a mixed batch must not fail every organization for one.
          const organizations = byOrganization(group);
          if (organizations.length > 1) pending.unshift(...organizations);
          else run.settle(group, { kind: "failed", code: "FORBIDDEN", message: outcome.message });
        } else if (outcome.category === "bad_user_input") {
          const named = [...outcome.invalidSignals].filter(([index]) => index < group.length);
          for (const [index, message] of named) {
            const delivery = group[index];
            if (delivery) run.settle([delivery], { kind: "failed", code: "BAD_USER_INPUT", message });
          }
          const unsettled = group.filter((d) => !run.result.outcomes.has(d.id));
          if (named.length > 0) {
            if (unsettled.length > 0) pending.unshift(unsettled);
          } else if (group.length === 1) {
            run.settle(group, { kind: "failed", code: "BAD_USER_INPUT", message: outcome.message });
          } else {
            // SEEK named no position: halve until each bad signal stands alone.
            const half = Math.ceil(group.length / 2);
            pending.unshift(group.slice(0, half), group.slice(half));
          }
        } else if (outcome.category === "unauthenticated" && (await run.renewAfterUnauthenticated(token))) {
          pending.unshift(group);
        } else {
          run.stop(outcome, rest);
          break;
        }
      }
      return run.result;
    },
  };
}
