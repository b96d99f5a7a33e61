import { describe, expect, it } from "vitest";
import {
  backoffCeilingMs,
  DESTINATION_BACKOFF,
  equalJitterDelayMs,
  fullJitterDelayMs,
  nextAttemptAt,
  RETRY_BACKOFF,
} from "./backoff";

const policy = { baseMs: 1_000, capMs: 60_000 };

describe("backoff", () => {
  it("doubles the ceiling with every failure and never passes the cap", () => {
    expect([1, 2, 3, 4].map((n) => backoffCeilingMs(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffCeilingMs(7, policy)).toBe(60_000);
    expect(backoffCeilingMs(10_000, policy)).toBe(60_000);
    expect(backoffCeilingMs(0, policy)).toBe(1_000);
  });

  it("full jitter: anywhere from no wait to the ceiling", () => {
    expect(fullJitterDelayMs(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelayMs(3, policy, () => 0.5)).toBe(2_000);
    expect(fullJitterDelayMs(3, policy, () => 0.999_999)).toBeLessThan(4_000);
  });

  it("equal jitter for a destination block: at least half the ceiling, so an opened circuit stays open", () => {
    expect(equalJitterDelayMs(2, policy, () => 0)).toBe(1_000);
    expect(equalJitterDelayMs(2, policy, () => 0.999_999)).toBeLessThan(2_000);
    expect(equalJitterDelayMs(1, DESTINATION_BACKOFF, () => 0)).toBeGreaterThan(0);
  });

  it("Retry-After wins over our own backoff, sooner or later than it", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const later = new Date("2026-01-01T01:00:00Z");
    const sooner = new Date("2026-01-01T00:00:00.100Z");
    expect(nextAttemptAt(20, now, sooner, RETRY_BACKOFF, () => 0.9)).toEqual(sooner);
    expect(nextAttemptAt(1, now, later, RETRY_BACKOFF, () => 0.9)).toEqual(later);
  });

  it("a Retry-After in the past means now, never a time before now", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextAttemptAt(1, now, new Date("2025-12-31T00:00:00Z"))).toEqual(now);
  });

  it("without Retry-After the next attempt is now plus a full-jitter delay", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextAttemptAt(2, now, undefined, policy, () => 0.5).getTime() - now.getTime()).toBe(1_000);
  });
});
