import { describe, expect, it } from "vitest";
import { buildApplyRedirect } from "./build-apply-redirect";
import { FixedWindowLimiter } from "./fixed-window-limiter";
import { rawSeekToken, splitRawQuery } from "./split-raw-query";

describe("seek-token is taken byte for byte", () => {
  it("keeps '+', '%2B', '=' padding and surrounding spaces exactly as they appear in the URL", () => {
    expect(rawSeekToken(splitRawQuery("?seek-token=eyJ+a%2Bb==&x=1"))).toBe("eyJ+a%2Bb==");
    expect(rawSeekToken(splitRawQuery("?a=1&seek-token=%20tok%20"))).toBe("%20tok%20");
    expect(rawSeekToken(splitRawQuery("?seek-token=globalPublicTest-WfRFAhG25YC8ADe3QvxAVz"))).toBe(
      "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz",
    );
  });

  it("finds no token when the parameter is absent, and an empty one when it has no value", () => {
    expect(rawSeekToken(splitRawQuery(""))).toBeUndefined();
    expect(rawSeekToken(splitRawQuery("?seek-tokenx=1"))).toBeUndefined();
    expect(rawSeekToken(splitRawQuery("?seek-token"))).toBe("");
  });
});

describe("apply redirect", () => {
  it("goes to the position's applyUrl, keeping its query, carrying the other parameters raw and adding sh_capture", () => {
    const params = splitRawQuery("?seek-token=abc&utm_source=seek&q=a+b%20c");
    expect(buildApplyRedirect("https://ats.example.com/jobs/123/apply?lang=en#form", params, "cap_1")).toBe(
      "https://ats.example.com/jobs/123/apply?lang=en&utm_source=seek&q=a+b%20c&sh_capture=cap_1#form",
    );
  });

  it("never goes to another host, whatever the query says", () => {
    const params = splitRawQuery("?next=https://evil.example/&redirect=//evil.example&@evil.example&sh_capture=forged");
    const location = buildApplyRedirect("https://ats.example.com/apply", params, undefined);
    expect(new URL(location).host).toBe("ats.example.com");
    expect(location).not.toContain("sh_capture=forged");
  });

  it("without a token it just redirects, adding no sh_capture", () => {
    expect(buildApplyRedirect("https://ats.example.com/apply", splitRawQuery("?a=1"), undefined)).toBe(
      "https://ats.example.com/apply?a=1",
    );
  });
});

describe("FixedWindowLimiter", () => {
  it("allows the limit per window per key, then says how long to wait", () => {
    const limiter = new FixedWindowLimiter(2, 10_000);
    expect(limiter.take("1.2.3.4", 0)).toEqual({ allowed: true });
    expect(limiter.take("1.2.3.4", 1)).toEqual({ allowed: true });
    expect(limiter.take("1.2.3.4", 2_000)).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(limiter.take("5.6.7.8", 2_000)).toEqual({ allowed: true });
    expect(limiter.take("1.2.3.4", 10_000)).toEqual({ allowed: true });
  });

  it("keeps memory bounded under a flood of addresses", () => {
    const limiter = new FixedWindowLimiter(1, 60_000, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});
