// One HTTP request carrying a group of signal deliveries: sendSignal for one, sendSignals for more
// (seed 000), classified, and logged with every token redacted.
import type { ChannelRequestLog, ClaimedDelivery } from "@/lib/delivery/channel";
import { classifySeekResponse, type SeekClassification } from "./classify-seek-response";
import { redactSecrets } from "./redact-secrets";
import type { SeekClient } from "./seek-graphql-client";
import { SendSignalDocument, type SendSignalInput, SendSignalsDocument } from "./signal-documents";

export type SignalRequestResult = { classification: SeekClassification; log: ChannelRequestLog };

/** The seek-tokens a group carries: the payload is opaque except for this, read only to redact it. */
export function seekTokensOf(group: ClaimedDelivery[]): string[] {
  return group.flatMap((delivery) => {
    const token = (delivery.payload as { token?: unknown } | null)?.token;
    return typeof token === "string" ? [token] : [];
  });
}

export async function sendSignalRequest(
  client: SeekClient,
  group: ClaimedDelivery[],
  options: { token: string; signal: AbortSignal; now: () => Date },
): Promise<SignalRequestResult> {
  const signals = group.map((delivery) => delivery.payload as SendSignalInput);
  const [only] = signals;
  const call =
    signals.length === 1 && only
      ? await client.execute(SendSignalDocument, { input: only }, options)
      : await client.execute(SendSignalsDocument, { input: { signals } }, options);
  const secrets = [options.token, ...seekTokensOf(group)];
  const redact = (text: string | null) => (text === null ? null : redactSecrets(text, secrets));
  // SEEK's messages reach the dashboard and may echo an input (graphql-js coercion errors do).
  const classification = redactMessages(classifySeekResponse(call.exchange, options.now()), (t) =>
    redactSecrets(t, secrets),
  );
  const response = call.exchange.kind === "response" ? call.exchange : null;
  return {
    classification,
    log: {
      requestId: call.requestId,
      deliveryIds: group.map((d) => d.id),
      httpStatus: response?.status ?? null,
      durationMs: call.durationMs,
      errorCodes: classification.category === "ok" ? [] : classification.codes,
      requestBody: redact(call.requestBody),
      responseBody: redact(response?.body ?? null),
    },
  };
}

function redactMessages(classification: SeekClassification, redact: (text: string) => string): SeekClassification {
  if (classification.category === "ok") return classification;
  const message = redact(classification.message);
  if (classification.category !== "bad_user_input") return { ...classification, message };
  const invalidSignals = new Map([...classification.invalidSignals].map(([i, text]) => [i, redact(text)]));
  return { ...classification, message, invalidSignals };
}
