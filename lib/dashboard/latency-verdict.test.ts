import { describe, expect, it } from "vitest";
import { isOverExpectation, latencyVerdict } from "./latency-verdict";

const latency = (p99Ms: number | null, samples = 10) => ({ samples, p50Ms: 1_000, p95Ms: 2_000, p99Ms });

describe("latencyVerdict", () => {
  it("flags a channel whose p99 exceeds SEEK's 60 s, even when its median is fast", () => {
    expect(latencyVerdict(latency(60_001), 60_000)).toBe("over");
  });

  it("accepts a p99 of exactly 60 s", () => {
    expect(latencyVerdict(latency(60_000), 60_000)).toBe("within");
    expect(isOverExpectation(60_000, 60_000)).toBe(false);
    expect(isOverExpectation(60_001, 60_000)).toBe(true);
  });

  it("says nothing was measured when nothing was delivered in the hour", () => {
    expect(latencyVerdict(latency(null, 0), 60_000)).toBe("no-data");
    expect(isOverExpectation(null, 60_000)).toBe(false);
  });
});
