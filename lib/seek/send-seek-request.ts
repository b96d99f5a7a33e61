// One HTTP request to SEEK on behalf of some deliveries: sent, classified, and logged as the engine
// records it, with every token redacted from bodies and messages.
import type { AnyVariables, TypedDocumentNode } from "@urql/core";
import type { ChannelRequestLog, ClaimedDelivery } from "@/lib/delivery/channel";
import { redactSecrets } from "../redaction/redact-secrets";
import { classifySeekResponse, type SeekClassification } from "./classify-seek-response";
import type { SeekClient } from "./seek-graphql-client";

export type SeekRequestResult = { classification: SeekClassification; log: ChannelRequestLog };

export type SeekRequest<TData, TVariables extends AnyVariables> = {
  document: TypedDocumentNode<TData, TVariables>;
  variables: TVariables;
  deliveries: ClaimedDelivery[];
};

/** The seek-tokens a group carries: the payload is opaque except for this, read only to redact it. */
export function seekTokensOf(group: ClaimedDelivery[]): string[] {
  return group.flatMap((delivery) => {
    const token = (delivery.payload as { token?: unknown } | null)?.token;
    return typeof token === "string" ? [token] : [];
  });
}

export async function sendSeekRequest<TData, TVariables extends AnyVariables>(
  client: SeekClient,
  request: SeekRequest<TData, TVariables>,
  options: { token: string; signal: AbortSignal; now: () => Date },
): Promise<SeekRequestResult> {
  const group = request.deliveries;
  const call = await client.execute(request.document, request.variables, options);
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
