// The database could not take a request's transaction in time: every pooled connection was held longer
// than the transaction's maxWait (P2028 "Unable to start a transaction in the given time", P2024 "Timed
// out fetching a new connection"), the transaction ran past its timeout and was rolled back (P2028 again),
// or PostgreSQL chose it as a deadlock's victim (P2034). None of these is the client's fault and in each
// the transaction rolled back: nothing was written, so the same request (same Idempotency-Key) may simply
// be sent again. Load, not a bug, so it is answered 503 with Retry-After, never a 500 (bench: 64 bulk
// requests of 100 changes at once on a 10-connection pool).
const BUSY_CODES = new Set(["P2024", "P2028", "P2034"]);

export function isDatabaseBusy(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && BUSY_CODES.has(code);
}
