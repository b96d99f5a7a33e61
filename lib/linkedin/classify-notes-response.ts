// What LinkedIn's answer to one notes request means, without I/O. A 200 is not success by itself: its
// body has a status for every entity (seed 004: "check the response for error statuses corresponding
// to individual entities"), and each entity is delivered, retried or failed on its own.
import { nextMinute, nextUtcMidnight } from "./throttle-windows";

export type EntityVerdict =
  | { kind: "delivered"; result?: Record<string, unknown> }
  | { kind: "retry"; code: string; message: string; notBefore?: Date }
  | { kind: "failed"; code: string; message: string };

export type NotesResponseVerdict =
  /** the request was answered entity by entity */
  | { kind: "answered"; entities: Map<string, EntityVerdict> }
  /** the token was refused: renew it and try once more */
  | { kind: "unauthorized"; code: string; message: string }
  /** LinkedIn's throttle: nothing more for this application of LinkedIn until notBefore */
  | { kind: "rate-limited"; code: string; message: string; notBefore: Date }
  /** the request as a whole was refused as malformed: resend its entities one by one to find the culprit */
  | { kind: "rejected"; code: string; message: string }
  /** refused for every entity and for good (e.g. 404: no such application on LinkedIn) */
  | { kind: "failed"; code: string; message: string }
  /** transient (5xx, unreadable answer) */
  | { kind: "retry"; code: string; message: string }
  /** our access is wrong (403: integration context not ours): retry, and hold the destination */
  | { kind: "forbidden"; code: string; message: string };

export type NotesResponse = {
  operation: "upsert" | "delete";
  status: number;
  body: string;
  retryAfter: string | null;
  noteIds: readonly string[];
  now: Date;
};

type EntityStatus = { status?: unknown; message?: unknown };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** LinkedIn's error message ({ message, serviceErrorCode, status }), or a short excerpt of what came. */
function linkedinMessage(body: string): string {
  const parsed = parseJson(body) as { message?: unknown } | undefined;
  if (typeof parsed?.message === "string" && parsed.message !== "") return parsed.message;
  const text = body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text === "" ? "no message" : text.slice(0, 200);
}

function rateLimitedUntil(response: NotesResponse, message: string): Date {
  const seconds = Number(response.retryAfter);
  const fromHeader = Number.isFinite(seconds) && seconds > 0 ? response.now.getTime() + seconds * 1000 : 0;
  // No Retry-After is documented; LinkedIn names the window in its message ("APPLICATION DAY limit").
  const window = /\bDAY\b/i.test(message) ? nextUtcMidnight(response.now) : nextMinute(response.now);
  return new Date(Math.max(fromHeader, window.getTime()));
}

function entityVerdict(
  operation: NotesResponse["operation"],
  noteId: string,
  entry: EntityStatus,
  now: Date,
): EntityVerdict {
  const status = typeof entry.status === "number" ? entry.status : null;
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  const said = typeof entry.message === "string" && entry.message !== "" ? `: ${entry.message}` : "";
  const code = `LINKEDIN_ENTITY_${status ?? "ERROR"}`;
  const message = `LinkedIn answered ${status ?? "an error without a status"} for note ${noteId}${said}`;
  // Deleting a note LinkedIn does not hold leaves it as wanted: gone.
  if (operation === "delete" && status === 404) return { kind: "delivered", result: { alreadyAbsent: true } };
  if (status === 429) return { kind: "retry", code, message, notBefore: nextMinute(now) };
  if (status === null || status >= 500 || status === 408 || status === 401 || status === 403) {
    return { kind: "retry", code, message };
  }
  return { kind: "failed", code, message };
}

export function classifyNotesResponse(response: NotesResponse): NotesResponseVerdict {
  const { status, body } = response;
  if (status === 401) return { kind: "unauthorized", code: "LINKEDIN_UNAUTHORIZED", message: linkedinMessage(body) };
  if (status === 429) {
    const message = linkedinMessage(body);
    return {
      kind: "rate-limited",
      code: "LINKEDIN_RATE_LIMITED",
      message: `LinkedIn throttled the request: ${message}`,
      notBefore: rateLimitedUntil(response, message),
    };
  }
  if (status === 403) {
    return {
      kind: "forbidden",
      code: "LINKEDIN_FORBIDDEN",
      message: `LinkedIn refused access: ${linkedinMessage(body)}`,
    };
  }
  if (status >= 500 || status === 408) {
    return {
      kind: "retry",
      code: `LINKEDIN_HTTP_${status}`,
      message: `LinkedIn answered HTTP ${status}: ${linkedinMessage(body)}`,
    };
  }
  if (status === 400 || status === 413 || status === 422) {
    return {
      kind: "rejected",
      code: `LINKEDIN_HTTP_${status}`,
      message: `LinkedIn refused the request: ${linkedinMessage(body)}`,
    };
  }
  if (status >= 400) {
    return {
      kind: "failed",
      code: `LINKEDIN_HTTP_${status}`,
      message: `LinkedIn refused the request: ${linkedinMessage(body)}`,
    };
  }
  if (status < 200 || status >= 300) {
    return {
      kind: "retry",
      code: `LINKEDIN_HTTP_${status}`,
      message: `LinkedIn answered an unexpected HTTP ${status}`,
    };
  }
  const parsed = parseJson(body) as { results?: unknown; errors?: unknown } | undefined;
  const results = (typeof parsed?.results === "object" && parsed.results) || null;
  const errors = (typeof parsed?.errors === "object" && parsed.errors) || {};
  if (!results) {
    return { kind: "retry", code: "LINKEDIN_BAD_RESPONSE", message: "LinkedIn's answer had no per-entity results" };
  }
  const entities = new Map<string, EntityVerdict>();
  for (const noteId of response.noteIds) {
    const error = (errors as Record<string, EntityStatus | undefined>)[noteId];
    const result = (results as Record<string, EntityStatus | undefined>)[noteId];
    if (error) {
      // An entry under `errors` is never a success, whatever status it claims.
      const failedStatus = typeof error.status === "number" && error.status >= 300 ? error.status : undefined;
      entities.set(noteId, entityVerdict(response.operation, noteId, { ...error, status: failedStatus }, response.now));
    } else if (result) {
      entities.set(noteId, entityVerdict(response.operation, noteId, result, response.now));
    } else {
      const message = `LinkedIn's answer did not mention note ${noteId}`;
      entities.set(noteId, { kind: "retry", code: "LINKEDIN_ENTITY_MISSING", message });
    }
  }
  return { kind: "answered", entities };
}
