import { describe, expect, it } from "vitest";
import { deliveryStatusLine, type TStatusFacts } from "./status-line";

const now = new Date("2026-11-23T03:00:00Z");
const base: TStatusFacts = {
  state: "pending",
  nextAttemptAt: new Date("2026-11-23T02:59:56Z"),
  leaseOwner: null,
  leaseExpiresAt: null,
  lastErrorCode: "SEEK_5XX",
  deliveredAt: null,
  channel: "seek-signal",
  destination: "seek",
  channelPaused: false,
  destinationBlockedUntil: null,
  destinationLastError: null,
};

describe("deliveryStatusLine", () => {
  it("while the circuit is open, says held back until it half-opens, never 'due now' or a next attempt in the past", () => {
    const line = deliveryStatusLine(
      { ...base, destinationBlockedUntil: new Date("2026-11-23T03:31:00Z"), destinationLastError: "HTTP 503" },
      now,
    );
    expect(line.kind).toBe("circuit");
    expect(line.text).not.toMatch(/due now/i);
    expect(line.text).toContain("HTTP 503");
    expect(line.at?.toISOString()).toBe("2026-11-23T03:31:00.000Z");
  });

  it("a later own retry time wins over an earlier circuit end", () => {
    const line = deliveryStatusLine(
      {
        ...base,
        nextAttemptAt: new Date("2026-11-23T04:00:00Z"),
        destinationBlockedUntil: new Date("2026-11-23T03:31:00Z"),
      },
      now,
    );
    expect(line.at?.toISOString()).toBe("2026-11-23T04:00:00.000Z");
  });

  it("a paused channel holds a pending row back with no time at all", () => {
    const line = deliveryStatusLine({ ...base, channelPaused: true }, now);
    expect(line).toMatchObject({ kind: "paused", at: null });
  });

  it("a circuit that has closed again no longer holds anything back", () => {
    const line = deliveryStatusLine({ ...base, destinationBlockedUntil: new Date("2026-11-23T02:00:00Z") }, now);
    expect(line.kind).toBe("due");
  });

  it("a row a worker holds is being sent, whatever the circuit says", () => {
    const line = deliveryStatusLine(
      {
        ...base,
        state: "in_flight",
        leaseOwner: "w1",
        leaseExpiresAt: new Date("2026-11-23T03:00:10Z"),
        destinationBlockedUntil: new Date("2026-11-23T03:31:00Z"),
      },
      now,
    );
    expect(line.kind).toBe("sending");
  });

  it("labels a retried row's error as the previous attempt's, and a failed row's as why it stopped", () => {
    expect(deliveryStatusLine(base, now).errorLabel).toMatch(/^Previous attempt failed/);
    expect(deliveryStatusLine({ ...base, state: "failed" }, now).errorLabel).toBe("Why it stopped");
    expect(deliveryStatusLine({ ...base, lastErrorCode: null }, now).errorLabel).toBeNull();
  });
});
