// A time the client says something happened (SEEK's signal timestamp, a history item's actionDate, a
// note's atsCreatedAt) cannot be in the future: that is always a client bug, and the board would show
// it as fact. Clocks drift, so up to 5 minutes ahead of ours is tolerated.
import { AppError } from "../errors/app-error";

export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** Throws 422 OCCURRED_IN_FUTURE naming `field` when `at` is more than 5 minutes after `now`. */
export function rejectFutureTime(at: Date | undefined, now: Date, field: string): void {
  if (!at || at.getTime() - now.getTime() <= MAX_CLOCK_AHEAD_MS) return;
  throw new AppError(
    "OCCURRED_IN_FUTURE",
    `${field} ${at.toISOString()} is more than 5 minutes ahead of the server clock (${now.toISOString()}). Send when it happened, or omit it to mean now.`,
    [{ path: field, message: "is in the future", code: "occurred_in_future" }],
  );
}
