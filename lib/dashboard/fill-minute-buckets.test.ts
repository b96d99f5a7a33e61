import { describe, expect, it } from "vitest";
import { fillMinuteBuckets } from "./fill-minute-buckets";

const start = new Date("2026-11-23T09:01:00.000Z");

describe("fillMinuteBuckets", () => {
  it("gives one point per minute of the hour, minutes without rows at zero", () => {
    const points = fillMinuteBuckets(start, []);
    expect(points).toHaveLength(60);
    expect(points[0]).toEqual({ at: "2026-11-23T09:01:00.000Z", delivered: 0, failures: 0 });
    expect(points[59]).toEqual({ at: "2026-11-23T10:00:00.000Z", delivered: 0, failures: 0 });
  });

  it("adds deliveries and failures reported separately for the same minute", () => {
    const points = fillMinuteBuckets(start, [
      { minute: 3, delivered: 4 },
      { minute: 3, failures: 2 },
      { minute: 59, delivered: 1 },
    ]);
    expect(points[3]).toEqual({ at: "2026-11-23T09:04:00.000Z", delivered: 4, failures: 2 });
    expect(points[59]!.delivered).toBe(1);
    expect(points.reduce((sum, p) => sum + p.delivered + p.failures, 0)).toBe(7);
  });

  it("leaves out rows before the first minute and puts rows stamped in the future into the current minute", () => {
    const points = fillMinuteBuckets(start, [
      { minute: -1, failures: 5 },
      { minute: 61, delivered: 2 },
    ]);
    expect(points.reduce((sum, p) => sum + p.failures, 0)).toBe(0);
    expect(points[59]!.delivered).toBe(2);
  });
});
