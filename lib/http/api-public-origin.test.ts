import { describe, expect, it } from "vitest";
import { apiPublicOrigin } from "./api-public-origin";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "./trusted-proxies";

const base = {
  SIGNALHOUSE_PUBLIC_URL: undefined,
  NEXTAUTH_URL: undefined,
  SIGNALHOUSE_TRUSTED_PROXIES: NO_TRUSTED_PROXIES,
  PORT: 3000,
};
const request = (headers: Record<string, string>) => new Request("http://internal:3000/api/v1/positions", { headers });

describe("apiPublicOrigin", () => {
  it("prefers SIGNALHOUSE_PUBLIC_URL, then NEXTAUTH_URL", () => {
    const req = request({ host: "evil.example" });
    expect(
      apiPublicOrigin(
        { ...base, SIGNALHOUSE_PUBLIC_URL: "https://jobs.example/x", NEXTAUTH_URL: "https://auth.example" },
        req,
      ),
    ).toBe("https://jobs.example");
    expect(apiPublicOrigin({ ...base, NEXTAUTH_URL: "https://auth.example/" }, req)).toBe("https://auth.example");
  });

  it("falls back to the request's host, believing X-Forwarded-Host only from a trusted proxy", () => {
    const forwarded = { host: "app.internal:3000", "x-forwarded-host": "jobs.example", "x-forwarded-proto": "https" };
    expect(apiPublicOrigin(base, request({ ...forwarded, [PEER_ADDRESS_HEADER]: "10.0.0.5" }))).toBe(
      "http://app.internal:3000",
    );
    const parsed = parseTrustedProxies("10.0.0.0/8");
    if (!parsed.ok) throw new Error("bad test range");
    const trusted = { ...base, SIGNALHOUSE_TRUSTED_PROXIES: parsed.value };
    expect(apiPublicOrigin(trusted, request({ ...forwarded, [PEER_ADDRESS_HEADER]: "10.0.0.5" }))).toBe(
      "https://jobs.example",
    );
    // no Host header (a Request built in-process): the URL's host
    expect(apiPublicOrigin(base, request({}))).toBe("http://internal:3000");
  });
});
