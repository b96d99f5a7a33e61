import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "./trusted-proxies";

const trusted = (() => {
  const parsed = parseTrustedProxies("10.0.0.0/8");
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.value;
})();

const base = { host: "app.example.com", forwardedHost: null, forwardedProto: null, fallbackHost: "localhost:3000" };

describe("requestOrigin", () => {
  it("ignores X-Forwarded-Host and -Proto from a client that is not a trusted proxy", () => {
    expect(
      requestOrigin({
        ...base,
        peer: "203.0.113.9",
        forwardedHost: "evil.example",
        forwardedProto: "https",
        trusted,
      }),
    ).toBe("http://app.example.com");
    expect(requestOrigin({ ...base, peer: null, forwardedHost: "evil.example", trusted: NO_TRUSTED_PROXIES })).toBe(
      "http://app.example.com",
    );
  });

  it("believes a trusted proxy's X-Forwarded-Host and -Proto (its first entry)", () => {
    expect(
      requestOrigin({
        ...base,
        peer: "10.1.2.3",
        forwardedHost: "jobs.example.com, inner",
        forwardedProto: "https",
        trusted,
      }),
    ).toBe("https://jobs.example.com");
  });

  it("falls back to the configured host when the Host header is not a host name", () => {
    expect(requestOrigin({ ...base, peer: "203.0.113.9", host: "a.example/evil?x=", trusted })).toBe(
      "http://localhost:3000",
    );
  });
});
