// What one HTTP exchange with SEEK's GraphQL endpoint means for the deliveries it carried. SEEK reports
// most errors in the body of an HTTP 200 (errors[].extensions.code), says codes may change, and has not
// documented its rate-limit answer: unknown codes are transient, and 429 is honoured with or without
// Retry-After. Pure: the channel decides what to do with each category.

/** One HTTP exchange as the client saw it: an answer, or none. */
export type SeekExchange =
  | { kind: "response"; status: number; headers: Headers; body: string }
  | { kind: "timeout" | "network" | "aborted"; message: string };

type Failure = { codes: string[]; message: string };
export type SeekClassification =
  | { category: "ok"; data: Record<string, unknown> }
  /** renew the partner token and retry once */
  | ({ category: "unauthenticated" } & Failure)
  /** permanent: no relationship with the hirer */
  | ({ category: "forbidden" } & Failure)
  /** permanent for the signals named; an empty map means SEEK named none (split the batch to find them) */
  | ({ category: "bad_user_input"; invalidSignals: Map<number, string> } & Failure)
  | ({ category: "rate_limited"; retryAfterMs: number | null } & Failure)
  /** retry later; `destinationUnhealthy` when SEEK itself looks down (5xx, timeout, network) */
  | ({ category: "transient"; destinationUnhealthy: boolean } & Failure);

type GraphqlError = { message?: unknown; extensions?: { code?: unknown; invalidFields?: unknown } };

const RATE_LIMIT_CODES = new Set(["TOO_MANY_REQUESTS", "RATE_LIMITED", "RATE_LIMIT_EXCEEDED", "THROTTLED"]);
const PERMANENT_CODES = new Set(["FORBIDDEN", "BAD_USER_INPUT"]);
// "/input/signals/3/token" (SEEK's paths) and "input.signals[3]" (graphql-js variable coercion).
const SIGNAL_INDEX = /\/input\/signals\/(\d+)|\binput\.signals\[(\d+)\]/g;

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === "") return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  // HTTP dates always name a month ("Thu, 01 Jan 2026 00:00:30 GMT"); Date.parse alone would read "-5" as a year.
  const at = /[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function parseErrors(body: string): { errors: GraphqlError[]; data: unknown } | null {
  try {
    const json = JSON.parse(body) as { errors?: unknown; data?: unknown };
    if (typeof json !== "object" || json === null) return null;
    return { errors: Array.isArray(json.errors) ? (json.errors as GraphqlError[]) : [], data: json.data };
  } catch {
    return null;
  }
}

/** The message SEEK gave for each signal position it names, from messages and extensions.invalidFields. */
export function invalidSignalsOf(errors: GraphqlError[]): Map<number, string> {
  const found = new Map<number, string[]>();
  const note = (text: string) => {
    for (const match of text.matchAll(SIGNAL_INDEX)) {
      const index = Number(match[1] ?? match[2]);
      const notes = found.get(index) ?? [];
      if (!notes.includes(text)) notes.push(text);
      found.set(index, notes);
    }
  };
  for (const error of errors) {
    const fields = error.extensions?.invalidFields;
    const fromFields = fields && typeof fields === "object" ? Object.entries(fields as Record<string, unknown>) : [];
    for (const [path, reason] of fromFields) note(`${path}: ${String(reason)}`);
    // The message repeats invalidFields when SEEK sends both; it is the only source when it does not.
    if (fromFields.length === 0 && typeof error.message === "string") note(error.message);
  }
  return new Map([...found].map(([index, notes]) => [index, notes.join("; ")]));
}

function failure(codes: string[], errors: GraphqlError[], fallback: string): Failure {
  const messages = errors.map((e) => (typeof e.message === "string" ? e.message : "")).filter(Boolean);
  return { codes, message: messages.join("; ") || fallback };
}

export function classifySeekResponse(exchange: SeekExchange, now: Date): SeekClassification {
  if (exchange.kind !== "response") {
    const code = { timeout: "TIMEOUT", network: "NETWORK_ERROR", aborted: "ABORTED" }[exchange.kind];
    // Our own abort (shutdown, send deadline) says nothing about SEEK's health.
    return {
      category: "transient",
      codes: [code],
      message: exchange.message,
      destinationUnhealthy: exchange.kind !== "aborted",
    };
  }
  const { status, headers, body } = exchange;
  const parsed = parseErrors(body);
  const errors = parsed?.errors ?? [];
  const codes = errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : "UNKNOWN"));
  const httpCode = `HTTP_${status}`;

  if (status === 429 || codes.some((c) => RATE_LIMIT_CODES.has(c))) {
    const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now);
    return {
      category: "rate_limited",
      retryAfterMs,
      ...failure(codes.length ? codes : [httpCode], errors, "Rate limited"),
    };
  }
  if (codes.includes("UNAUTHENTICATED") || (status === 401 && codes.length === 0)) {
    return { category: "unauthenticated", ...failure(codes.length ? codes : [httpCode], errors, "Unauthenticated") };
  }
  if (codes.length > 0 && codes.every((c) => PERMANENT_CODES.has(c))) {
    if (codes.includes("FORBIDDEN")) return { category: "forbidden", ...failure(codes, errors, "Forbidden") };
    return {
      category: "bad_user_input",
      invalidSignals: invalidSignalsOf(errors),
      ...failure(codes, errors, "Invalid input"),
    };
  }
  if (codes.length > 0) {
    // INTERNAL_SERVER_ERROR, a query SEEK could not validate, or a code SEEK added after we were written.
    return { category: "transient", destinationUnhealthy: status >= 500, ...failure(codes, errors, "Unknown error") };
  }
  const ok =
    status >= 200 && status < 300 && parsed !== null && typeof parsed.data === "object" && parsed.data !== null;
  if (ok) return { category: "ok", data: parsed.data as Record<string, unknown> };
  return {
    category: "transient",
    codes: [httpCode],
    message: `HTTP ${status} without a GraphQL answer: ${body.slice(0, 200)}`,
    destinationUnhealthy: status >= 500,
  };
}
