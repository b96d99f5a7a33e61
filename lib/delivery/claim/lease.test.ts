import { describe, expect, it } from "vitest";
import { DEFAULT_LEASE_MS } from "../../env";
import { leasePlan, sendDeadlineMs } from "./lease";

describe("lease", () => {
  it("is short by default, so a dead worker's rows come back well inside SEEK's 60 s", () => {
    expect(leasePlan().leaseMs).toBe(DEFAULT_LEASE_MS);
    expect(DEFAULT_LEASE_MS).toBeLessThanOrEqual(15_000);
  });

  it("is renewed three times before it could lapse", () => {
    expect(leasePlan(10_000).renewEveryMs).toBe(3_333);
    expect(leasePlan(900).renewEveryMs * 3).toBeLessThanOrEqual(900);
  });

  it("does not depend on how long a send may take: a 60 s send keeps a 10 s lease alive by renewal", () => {
    expect(leasePlan(10_000).leaseMs).toBeLessThan(sendDeadlineMs(60_000));
  });

  it("the engine gives up on a send at most a second after the channel's own limit", () => {
    expect(sendDeadlineMs(60_000)).toBe(61_000);
    expect(sendDeadlineMs(400)).toBe(500);
  });

  it("rejects a lease too short to renew and a channel without a send limit", () => {
    expect(() => leasePlan(100)).toThrow(/at least 300 ms/);
    expect(() => leasePlan(Number.NaN)).toThrow(/lease/);
    expect(() => sendDeadlineMs(0)).toThrow(/maxSendMs/);
  });
});
