import { describe, expect, it } from "vitest";
import { canCancel, canRetry, explainSchedule, type TScheduleFacts } from "./explain-schedule";

const now = new Date("2026-11-23T10:00:00.000Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const base: TScheduleFacts = {
  state: "pending",
  nextAttemptAt: now,
  leaseOwner: null,
  leaseExpiresAt: null,
  lastErrorCode: null,
  deliveredAt: null,
};

describe("explainSchedule", () => {
  it("a pending row that is due waits only for a worker", () => {
    expect(explainSchedule({ ...base, nextAttemptAt: minutes(-1) }, now)).toMatchObject({ kind: "due" });
  });

  it("a pending row after an error names the error and its next attempt time", () => {
    const shown = explainSchedule({ ...base, nextAttemptAt: minutes(5), lastErrorCode: "SEEK_UNAVAILABLE" }, now);
    expect(shown.kind).toBe("scheduled");
    expect(shown.text).toContain("SEEK_UNAVAILABLE");
    expect(shown.at).toEqual(minutes(5));
  });

  it("an in-flight row with a live lease is being sent; one whose lease lapsed is taken back by a worker", () => {
    const held = { ...base, state: "in_flight" as const, leaseOwner: "w-1", leaseExpiresAt: minutes(1) };
    expect(explainSchedule(held, now)).toMatchObject({ kind: "sending", at: minutes(1) });
    expect(explainSchedule(held, now).text).toContain("w-1");
    expect(explainSchedule({ ...held, leaseExpiresAt: minutes(-1) }, now).kind).toBe("stranded");
  });

  it("failed, dead, expired, delivered and cancelled rows are never retried automatically, each for its reason", () => {
    for (const state of ["failed", "dead", "expired", "delivered", "cancelled"] as const) {
      expect(explainSchedule({ ...base, state }, now).kind, state).toBe("final");
    }
    expect(explainSchedule({ ...base, state: "failed" }, now).text).toContain("Retry now");
    expect(explainSchedule({ ...base, state: "expired" }, now).text).toContain("180 days");
    expect(explainSchedule({ ...base, state: "cancelled", lastErrorCode: "CANCELLED_BY_ADMIN" }, now).text).toContain(
      "administrator",
    );
    expect(explainSchedule({ ...base, state: "cancelled", lastErrorCode: "CANCELLED_OUT" }, now).text).toContain(
      "deleted before it was ever sent",
    );
  });
});

describe("which rows an admin may retry or cancel", () => {
  it("retry now and cancel apply to pending, failed and dead rows only", () => {
    const all = ["pending", "in_flight", "delivered", "failed", "dead", "expired", "cancelled"] as const;
    expect(all.filter(canRetry)).toEqual(["pending", "failed", "dead"]);
    expect(all.filter(canCancel)).toEqual(["pending", "failed", "dead"]);
  });
});
