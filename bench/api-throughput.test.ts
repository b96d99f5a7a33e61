import { describe, expect, it } from "vitest";
import { type ApiWindow, combineWindows } from "./api-throughput";

const window = (
  seconds: number,
  ok: number,
  latenciesMs: number[],
  statuses: Record<string, number> = { "202": ok },
): ApiWindow => ({
  seconds,
  ok,
  items: ok * 2,
  statuses,
  latenciesMs,
});

describe("combineWindows", () => {
  it("takes a scenario's rates over all its rounds and keeps each round's rate", () => {
    const result = combineWindows("POST x", 64, [
      window(5, 1000, [1, 2, 3]),
      window(5, 500, [4, 5], { "202": 500, "500": 3 }),
    ]);
    expect(result).toMatchObject({
      name: "POST x",
      concurrency: 64,
      seconds: 10,
      requests: 5,
      ok: 1500,
      statuses: { "202": 1500, "500": 3 },
      requestsPerSecond: 150,
      itemsPerSecond: 300,
      roundRequestsPerSecond: [200, 100],
    });
    // Quantiles over every request of every round, not an average of the rounds' quantiles.
    expect(result.latencyMs).toEqual({ p50: 3, p99: 5 });
  });

  it("gives CPU milliseconds per accepted request over all rounds, and none when a round has no figure", () => {
    const measured = combineWindows("POST x", 64, [
      { ...window(5, 1000, [1]), cpu: { appMs: 2000, postgresMs: 1000 } },
      { ...window(5, 500, [1]), cpu: { appMs: 1000, postgresMs: 500 } },
    ]);
    expect(measured.cpuMsPerRequest).toEqual({ app: 2, postgres: 1 });
    const partly = combineWindows("POST x", 64, [
      { ...window(5, 1000, [1]), cpu: { appMs: 1, postgresMs: 1 } },
      window(5, 1, [1]),
    ]);
    expect(partly.cpuMsPerRequest).toBeUndefined();
  });
});
