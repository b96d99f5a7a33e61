// The API's error body, `{ error: { code, message, issues } }`, mapped from AppError in one place.
// A database rejecting the client's value is a 400 (database-input-error); a database too busy to take
// the write in time is a 503 the client retries (database-busy). Anything else is unexpected: logged in
// full, answered with a generic 500 that leaks nothing.
import { randomUUID } from "node:crypto";
import { isDatabaseBusy } from "../db/database-busy";
import { AppError, isAppError } from "../errors/app-error";
import { databaseInputError } from "../validation/database-input-error";

export const BUSY_RETRY_AFTER_SECONDS = 2;

function busyError(thrown: unknown): AppError | undefined {
  if (!isDatabaseBusy(thrown)) return undefined;
  return new AppError(
    "BUSY",
    `Signalhouse is too busy to take this request right now and wrote nothing. Send it again in ${BUSY_RETRY_AFTER_SECONDS} s (with the same Idempotency-Key, if it had one).`,
    [],
    { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
  );
}

export function errorResponse(thrown: unknown): Response {
  const error = databaseInputError(thrown) ?? busyError(thrown) ?? thrown;
  if (isAppError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, issues: error.issues } },
      { status: error.status, headers: error.headers },
    );
  }
  const incident = randomUUID();
  console.error(`[api] unexpected error (incident ${incident})`, error);
  return Response.json(
    { error: { code: "INTERNAL", message: `Something went wrong on our side (incident ${incident}).`, issues: [] } },
    { status: 500 },
  );
}
