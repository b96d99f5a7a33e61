import { describe, expect, it } from "vitest";
import type { DeliveryOutcome } from "../channel";
import { blockedUntilAfter, destinationVerdict } from "./destination-health";

const retry = (notBefore?: Date): DeliveryOutcome => ({
  kind: "retry",
  code: "HTTP_503",
  message: "unavailable",
  notBefore,
});

describe("destinationVerdict", () => {
  it("the channel's destinationBackoff marks the destination unhealthy until the time it gave", () => {
    const until = new Date("2026-01-01T00:05:00Z");
    expect(destinationVerdict([{ kind: "delivered" }], { until, reason: "HTTP 429" })).toEqual({
      kind: "unhealthy",
      reason: "HTTP 429",
      until,
    });
  });

  it("a batch where every row must retry means the destination is failing", () => {
    const v = destinationVerdict([retry(), retry()], undefined);
    expect(v).toMatchObject({ kind: "unhealthy", reason: "HTTP_503: unavailable" });
  });

  it("the latest Retry-After of an all-retry batch becomes the destination's block", () => {
    const late = new Date("2026-01-01T00:10:00Z");
    const v = destinationVerdict([retry(new Date("2026-01-01T00:01:00Z")), retry(late)], undefined);
    expect(v).toMatchObject({ kind: "unhealthy", until: late });
  });

  it("one row the board judged on its merits (delivered, failed, expired) means the destination is healthy", () => {
    expect(destinationVerdict([retry(), { kind: "failed", code: "BAD_USER_INPUT", message: "x" }], undefined)).toEqual({
      kind: "healthy",
    });
    expect(destinationVerdict([retry(), { kind: "delivered" }], undefined).kind).toBe("healthy");
  });

  it("no outcomes teach nothing", () => {
    expect(destinationVerdict([], undefined)).toEqual({ kind: "unknown" });
  });
});

describe("blockedUntilAfter", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("grows with consecutive failures", () => {
    const first = blockedUntilAfter(1, now, undefined, () => 0).getTime() - now.getTime();
    const fifth = blockedUntilAfter(5, now, undefined, () => 0).getTime() - now.getTime();
    expect(first).toBeGreaterThan(0);
    expect(fifth).toBe(first * 16);
  });

  it("the board's own time wins when it is later", () => {
    const until = new Date("2026-01-01T01:00:00Z");
    expect(blockedUntilAfter(1, now, until, () => 0)).toEqual(until);
  });
});
