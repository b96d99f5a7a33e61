import { describe, expect, it } from "vitest";
import { errorRate, formatRate } from "./error-rate";

describe("errorRate", () => {
  it("is failed attempts over attempts, and no rate at all without attempts", () => {
    expect(errorRate({ total: 5, failed: 4 })).toBe(0.8);
    expect(errorRate({ total: 0, failed: 0 })).toBeNull();
  });

  it("formats small rates with a decimal so a rare failure never reads as 0 %", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(0)).toBe("0 %");
    expect(formatRate(1 / 2_000)).toBe("0.1 %");
    expect(formatRate(0.042)).toBe("4.2 %");
    expect(formatRate(0.8)).toBe("80 %");
    expect(formatRate(1)).toBe("100 %");
  });
});
