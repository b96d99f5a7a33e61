import { describe, expect, it } from "vitest";
import { formatAge, formatRelative } from "./format-relative";

const now = new Date("2026-11-23T10:00:00.000Z");
const plus = (ms: number) => new Date(now.getTime() + ms);

describe("formatRelative", () => {
  it("says how far ahead or back a moment is, in the largest whole unit", () => {
    expect(formatRelative(plus(400), now)).toBe("now");
    expect(formatRelative(plus(12_500), now)).toBe("in 12 s");
    expect(formatRelative(plus(-3 * 60_000 - 5_000), now)).toBe("3 min ago");
    expect(formatRelative(plus(5 * 3_600_000), now)).toBe("in 5 h");
    expect(formatRelative(plus(-2 * 86_400_000), now)).toBe("2 d ago");
  });

  it("never reports a poll as updated in the future when the server's clock runs ahead", () => {
    expect(formatAge(plus(5_000), now)).toBe("just now");
    expect(formatAge(plus(-7_000), now)).toBe("7 s ago");
  });
});
