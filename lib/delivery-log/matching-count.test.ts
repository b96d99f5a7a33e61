import { describe, expect, it } from "vitest";
import { matchingCount } from "./matching-count";

const counts = { pending: 2, in_flight: 1, delivered: 10, failed: 3, dead: 4, expired: 0, cancelled: 5 };

describe("matchingCount", () => {
  it("without a state filter, every state's rows match", () => {
    expect(matchingCount(counts, undefined)).toBe(25);
  });

  it("with a state filter, only that state's rows match", () => {
    expect(matchingCount(counts, "dead")).toBe(4);
  });
});
