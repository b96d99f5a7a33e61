// The request log entry of one notes request, as the dashboard shows it: the method, URL and body sent,
// LinkedIn's answer, and the error codes (per entity: "LINKEDIN_ENTITY_400:N2"). Tokens and the client
// secret are redacted by value and by shape; long answers are cut.
import type { ChannelRequestLog } from "../delivery/channel";
import { redactSecrets } from "../redaction/redact-secrets";
import type { NotesWireRequest } from "./build-notes-request";
import type { EntityVerdict } from "./classify-notes-response";

const MAX_LOGGED_BODY = 20_000;

export function notesRequestLog(input: {
  requestId: string;
  deliveryIds: string[];
  wire: NotesWireRequest;
  answer: { status: number | null; body: string | null; durationMs: number };
  errorCodes: string[];
  secrets: string[];
}): ChannelRequestLog {
  const { wire, answer, secrets } = input;
  const sent = `${wire.method} ${wire.path}${wire.body === null ? "" : `\n${wire.body}`}`;
  return {
    requestId: input.requestId,
    deliveryIds: input.deliveryIds,
    httpStatus: answer.status,
    durationMs: Math.round(answer.durationMs),
    errorCodes: input.errorCodes,
    requestBody: redactSecrets(sent, secrets),
    responseBody: answer.body === null ? null : redactSecrets(answer.body.slice(0, MAX_LOGGED_BODY), secrets),
  };
}

/** "LINKEDIN_ENTITY_400:N2" for every entity that was not delivered, in the request's order. */
export function entityErrorCodes(entities: Map<string, EntityVerdict>): string[] {
  const codes: string[] = [];
  for (const [noteId, verdict] of entities) if (verdict.kind !== "delivered") codes.push(`${verdict.code}:${noteId}`);
  return codes;
}
