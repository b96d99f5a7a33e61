import { describe, expect, it } from "vitest";
import { workerStatus } from "./worker-status";

const now = new Date("2026-11-23T10:00:00.000Z");
const beatAgo = (ms: number, stoppedAt: Date | null = null) => ({
  lastBeatAt: new Date(now.getTime() - ms),
  stoppedAt,
});

describe("workerStatus", () => {
  it("is alive while the last beat is within the liveness window (its edge included)", () => {
    expect(workerStatus(beatAgo(5_000), now, 30_000)).toBe("alive");
    expect(workerStatus(beatAgo(30_000), now, 30_000)).toBe("alive");
    expect(workerStatus(beatAgo(-2_000), now, 30_000)).toBe("alive");
  });

  it("is stale when it went quiet without stopping, and stopped when it said so", () => {
    expect(workerStatus(beatAgo(30_001), now, 30_000)).toBe("stale");
    expect(workerStatus(beatAgo(1_000, now), now, 30_000)).toBe("stopped");
  });
});
