import { describe, expect, it } from "vitest";
import type { ChannelRequestLog } from "../channel";
import type { Transition } from "../record/plan-transition";
import { planAttempts } from "./plan-attempts";

const start = new Date("2026-03-01T12:00:00Z");
const context = { workerId: "w1", channel: "seek-signal", sendStartedAt: start };
let n = 0;
const newId = () => `log-${++n}`;

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
    n = 0;
    const log = planAttempts([request("r1", ["a", "b"], { requestBody: "BODY" })], transitions, context, newId);
    expect(log.attempts.map((r) => [r.deliveryId, r.requestId, r.requestLogId, r.batchSize, r.outcome])).toEqual([
      ["a", "r1", "log-1", 2, "delivered"],
      ["b", "r1", "log-1", 2, "delivered"],
    ]);
    // the request and its bodies once, not once per delivery
    expect(log.requests).toEqual([
      {
        id: "log-1",
        requestId: "r1",
        channel: "seek-signal",
        workerId: "w1",
        startedAt: start,
        durationMs: 100,
        httpStatus: 200,
        errorCodes: [],
        requestBody: "BODY",
        responseBody: "{}",
        batchSize: 2,
      },
    ]);
    expect(log.attempts[0]).not.toHaveProperty("requestBody");
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
    const rows = planAttempts(requests, transitions, context).attempts;
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
    const log = planAttempts([request("r1", ["a", "lost"]), request("r2", ["lost"])], transitions, context);
    expect(log.attempts.map((r) => r.deliveryId)).toEqual(["a"]);
    expect(log.attempts[0]!.batchSize).toBe(2);
    // a request that carried nothing of ours is not stored either
    expect(log.requests.map((r) => r.requestId)).toEqual(["r1"]);
  });
});
