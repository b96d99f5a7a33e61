// The API's error body, `{ error: { code, message, issues } }`, mapped from AppError in one place.
// A database rejecting the client's value is a 400 (database-input-error). Anything else is unexpected:
// logged in full, answered with a generic 500 that leaks nothing.
import { randomUUID } from "node:crypto";
import { isAppError } from "../errors/app-error";
import { databaseInputError } from "../validation/database-input-error";

export function errorResponse(thrown: unknown): Response {
  const error = databaseInputError(thrown) ?? thrown;
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
