import { describe, expect, it } from "vitest";
import { maxInFlightFor, windowKey, windowStartFor } from "./destination-limits";

describe("rate windows", () => {
  it("align to the epoch, so a day window starts at midnight UTC", () => {
    expect(windowStartFor(new Date("2026-05-04T17:31:12.345Z"), 86_400_000)).toEqual(new Date("2026-05-04T00:00:00Z"));
    expect(windowStartFor(new Date("2026-05-04T17:31:12.345Z"), 60_000)).toEqual(new Date("2026-05-04T17:31:00Z"));
  });

  it("one counter per destination and window kind", () => {
    const perMinute = { windowMs: 60_000, max: 10_000, unit: "deliveries" } as const;
    const perDay = { windowMs: 86_400_000, max: 100_000, unit: "requests" } as const;
    expect(windowKey("linkedin:o1", perMinute)).not.toBe(windowKey("linkedin:o1", perDay));
    expect(windowKey("linkedin:o1", perMinute)).not.toBe(windowKey("linkedin:o2", perMinute));
  });

  it("in flight per destination defaults to four batches", () => {
    expect(maxInFlightFor(undefined, 100)).toBe(400);
    expect(maxInFlightFor({ maxInFlight: 7 }, 100)).toBe(7);
  });
});
