import { describe, expect, it } from "vitest";
import { expiredBeforeSend, planTransition } from "./plan-transition";

const now = new Date("2026-03-01T12:00:00Z");
const day = 86_400_000;
const fresh = { id: "d1", attempts: 1, createdAt: new Date(now.getTime() - 60_000) };
const deadAfterMs = 3 * day;

describe("planTransition", () => {
  it("delivered: final, stamped, error cleared", () => {
    const t = planTransition({ delivery: fresh, outcome: { kind: "delivered" }, now, deadAfterMs });
    expect(t).toMatchObject({ state: "delivered", deliveredAt: now, lastError: null, attemptOutcome: "delivered" });
  });

  it("permanent failures become `failed` with the board's message, never scheduled again", () => {
    const outcome = { kind: "failed", code: "BAD_USER_INPUT", message: "/input/token: Is not valid" } as const;
    const t = planTransition({ delivery: fresh, outcome, now, deadAfterMs });
    expect(t).toMatchObject({
      state: "failed",
      lastError: "/input/token: Is not valid",
      lastErrorCode: "BAD_USER_INPUT",
    });
    expect(t.nextAttemptAt).toBeNull();
  });

  it("transient errors are retried with backoff", () => {
    const outcome = { kind: "retry", code: "INTERNAL_SERVER_ERROR", message: "boom" } as const;
    const t = planTransition({ delivery: fresh, outcome, now, deadAfterMs, random: () => 0.5 });
    expect(t.state).toBe("pending");
    expect(t.attemptOutcome).toBe("retry");
    expect(t.nextAttemptAt!.getTime()).toBe(now.getTime() + 1_000);
  });

  it("honours Retry-After (outcome.notBefore)", () => {
    const notBefore = new Date(now.getTime() + 42_000);
    const outcome = { kind: "retry", code: "RATE_LIMITED", message: "slow down", notBefore } as const;
    expect(planTransition({ delivery: fresh, outcome, now, deadAfterMs }).nextAttemptAt).toEqual(notBefore);
  });

  it("a delivery that keeps failing for longer than the dead age goes to `dead`, keeping its last error", () => {
    const old = { ...fresh, createdAt: new Date(now.getTime() - deadAfterMs) };
    const outcome = { kind: "retry", code: "UNAUTHENTICATED", message: "token expired" } as const;
    const t = planTransition({ delivery: old, outcome, now, deadAfterMs });
    expect(t).toMatchObject({ state: "dead", attemptOutcome: "dead", lastErrorCode: "UNAUTHENTICATED" });
  });

  it("age alone never kills a row that did not fail", () => {
    const old = { ...fresh, createdAt: new Date(now.getTime() - 10 * day) };
    expect(planTransition({ delivery: old, outcome: { kind: "delivered" }, now, deadAfterMs }).state).toBe("delivered");
  });

  it("expired identifiers are final", () => {
    const t = planTransition({ delivery: fresh, outcome: { kind: "expired", message: "too old" }, now, deadAfterMs });
    expect(t).toMatchObject({ state: "expired", lastError: "too old", attemptOutcome: "expired" });
  });
});

describe("expiredBeforeSend", () => {
  it("identifiers past expiresAt are expired, not sent", () => {
    expect(expiredBeforeSend(new Date(now.getTime() - 1), now)?.kind).toBe("expired");
    expect(expiredBeforeSend(now, now)?.kind).toBe("expired");
  });

  it("identifiers still alive, or without an expiry, are sent", () => {
    expect(expiredBeforeSend(new Date(now.getTime() + 1), now)).toBeNull();
    expect(expiredBeforeSend(null, now)).toBeNull();
  });
});
