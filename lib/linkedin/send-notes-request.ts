// One HTTP request to LinkedIn's notes endpoint, bounded by its own timeout and by the engine's signal.
// It reports what happened (status and body, or why there was none) and never throws for the network.

export type NotesHttpRequest = {
  method: "PUT" | "DELETE";
  url: string;
  token: string;
  body: string | null;
  requestId: string;
  timeoutMs: number;
  signal: AbortSignal;
};

export type NotesHttpResult =
  | { kind: "answered"; status: number; body: string; retryAfter: string | null; durationMs: number }
  | { kind: "no-answer"; code: string; message: string; durationMs: number };

export async function sendNotesRequest(request: NotesHttpRequest): Promise<NotesHttpResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    "x-restli-method": request.method === "PUT" ? "batch_update" : "batch_delete",
    "x-request-id": request.requestId,
    accept: "application/json",
  };
  if (request.body !== null) headers["content-type"] = "application/json";
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body ?? undefined,
      signal: AbortSignal.any([request.signal, timeout]),
    });
    const body = await response.text();
    return {
      kind: "answered",
      status: response.status,
      body,
      retryAfter: response.headers.get("retry-after"),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (request.signal.aborted) {
      return {
        kind: "no-answer",
        code: "LINKEDIN_ABORTED",
        message: "The send was stopped before LinkedIn answered",
        durationMs,
      };
    }
    if (timeout.aborted) {
      const message = `LinkedIn did not answer within ${request.timeoutMs} ms`;
      return { kind: "no-answer", code: "LINKEDIN_TIMEOUT", message, durationMs };
    }
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return {
      kind: "no-answer",
      code: "LINKEDIN_NETWORK",
      message: `LinkedIn could not be reached: ${reason}`,
      durationMs,
    };
  }
}
