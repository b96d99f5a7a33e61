import { describe, expect, it } from "vitest";
import { leaseFor, MAX_RENEW_EVERY_MS, sendDeadlineMs } from "./lease";

describe("lease", () => {
  it("is always longer than the longest send plus the margin", () => {
    expect(leaseFor(30_000, 15_000).leaseMs).toBe(45_000);
    expect(leaseFor(500, 250).leaseMs).toBe(750);
  });

  it("is renewed at least three times before it could lapse, and at least every 10 s", () => {
    const short = leaseFor(900, 300);
    expect(short.renewEveryMs * 3).toBeLessThanOrEqual(short.leaseMs);
    expect(leaseFor(10 * 60_000).renewEveryMs).toBe(MAX_RENEW_EVERY_MS);
  });

  it("the engine gives up on a send before the lease's margin is spent", () => {
    const { leaseMs } = leaseFor(30_000, 15_000);
    expect(sendDeadlineMs(30_000, 15_000)).toBeGreaterThan(30_000);
    expect(sendDeadlineMs(30_000, 15_000)).toBeLessThan(leaseMs);
    expect(sendDeadlineMs(400, 200)).toBeLessThan(leaseFor(400, 200).leaseMs);
  });

  it("rejects a channel without a send limit", () => {
    expect(() => leaseFor(0)).toThrow(/maxSendMs/);
    expect(() => leaseFor(Number.NaN)).toThrow(/maxSendMs/);
  });
});
