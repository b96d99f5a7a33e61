import { describe, expect, it } from "vitest";
import type { ChannelRequestLog } from "./channel";
import { planAttempts } from "./plan-attempts";
import type { Transition } from "./plan-transition";

const start = new Date("2026-03-01T12:00:00Z");

function request(requestId: string, deliveryIds: string[], extra: Partial<ChannelRequestLog> = {}): ChannelRequestLog {
  return {
    requestId,
    deliveryIds,
    httpStatus: 200,
    durationMs: 100,
    errorCodes: [],
    requestBody: "{}",
    responseBody: "{}",
    ...extra,
  };
}

function transition(
  id: string,
  state: Transition["state"],
  attemptOutcome: Transition["attemptOutcome"],
  lastError: string | null = null,
): Transition {
  return { id, state, attemptOutcome, lastError, lastErrorCode: null, nextAttemptAt: null, deliveredAt: null };
}

describe("planAttempts", () => {
  it("writes one row per delivery per HTTP request, with the batch size of that request", () => {
    const transitions = new Map([
      ["a", transition("a", "delivered", "delivered")],
      ["b", transition("b", "delivered", "delivered")],
    ]);
    const rows = planAttempts([request("r1", ["a", "b"])], transitions, "w1", start);
    expect(rows.map((r) => [r.deliveryId, r.requestId, r.batchSize, r.outcome, r.workerId])).toEqual([
      ["a", "r1", 2, "delivered", "w1"],
      ["b", "r1", 2, "delivered", "w1"],
    ]);
  });

  it("a rejected batch split and resent: the earlier request is a retry, the last one bears the outcome", () => {
    const transitions = new Map([
      ["a", transition("a", "delivered", "delivered")],
      ["b", transition("b", "failed", "failed", "/input/signals/1/token: Is not valid")],
    ]);
    const requests = [
      request("r1", ["a", "b"], { errorCodes: ["BAD_USER_INPUT"], durationMs: 250 }),
      request("r2", ["a"]),
      request("r3", ["b"], { errorCodes: ["BAD_USER_INPUT"] }),
    ];
    const rows = planAttempts(requests, transitions, "w1", start);
    expect(rows.map((r) => [r.requestId, r.deliveryId, r.outcome, r.errorMessage])).toEqual([
      ["r1", "a", "retry", null],
      ["r1", "b", "retry", null],
      ["r2", "a", "delivered", null],
      ["r3", "b", "failed", "/input/signals/1/token: Is not valid"],
    ]);
    // start times follow the order the requests were made in
    expect(rows[2]!.startedAt.getTime() - start.getTime()).toBe(250);
    expect(rows[3]!.startedAt.getTime() - start.getTime()).toBe(350);
  });

  it("writes nothing for deliveries whose lease was lost (no transition)", () => {
    const transitions = new Map([["a", transition("a", "delivered", "delivered")]]);
    const rows = planAttempts([request("r1", ["a", "lost"])], transitions, "w1", start);
    expect(rows.map((r) => r.deliveryId)).toEqual(["a"]);
    expect(rows[0]!.batchSize).toBe(2);
  });
});
