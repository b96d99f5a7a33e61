import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error";
import { MAX_CLOCK_AHEAD_MS, rejectFutureTime } from "./reject-future-time";

// An injected clock: the rule is about the distance to `now`, not about today.
const now = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const codeOf = (fn: () => void) => {
  try {
    fn();
    return "accepted";
  } catch (error) {
    return isAppError(error) ? `${error.status} ${error.code}` : "other";
  }
};

describe("occurredAt more than 5 minutes ahead of the server clock is 422 OCCURRED_IN_FUTURE", () => {
  it("accepts the past, now, and exactly 5 minutes ahead (clock drift)", () => {
    for (const ms of [-365 * 86_400_000, -1, 0, MAX_CLOCK_AHEAD_MS]) {
      expect(codeOf(() => rejectFutureTime(at(ms), now, "occurredAt"))).toBe("accepted");
    }
  });

  it("refuses one millisecond past 5 minutes, and year 2999", () => {
    expect(codeOf(() => rejectFutureTime(at(MAX_CLOCK_AHEAD_MS + 1), now, "occurredAt"))).toBe(
      "422 OCCURRED_IN_FUTURE",
    );
    expect(codeOf(() => rejectFutureTime(new Date("2999-01-01T00:00:00Z"), now, "actionDate"))).toBe(
      "422 OCCURRED_IN_FUTURE",
    );
  });

  it("omitted means now: nothing to refuse", () => {
    expect(codeOf(() => rejectFutureTime(undefined, now, "occurredAt"))).toBe("accepted");
  });
});
