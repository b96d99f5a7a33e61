import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("shows milliseconds under a second, tenths under ten seconds, whole seconds under a minute", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(849.6)).toBe("850 ms");
    expect(formatDuration(4_260)).toBe("4.2 s");
    expect(formatDuration(42_900)).toBe("42 s");
  });

  it("never rounds up across SEEK's 60 s line: 59.9 s reads 59 s", () => {
    expect(formatDuration(59_999)).toBe("59 s");
    expect(formatDuration(60_000)).toBe("1 min");
  });

  it("uses minutes and hours for long waits", () => {
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(3 * 3_600_000 + 10 * 60_000 + 5_000)).toBe("3 h 10 min");
    expect(formatDuration(7_200_000)).toBe("2 h");
  });

  it("shows a dash when there is nothing to measure", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-5)).toBe("0 ms");
  });
});
