import { describe, expect, it } from "vitest";
import { isTokenFresh } from "./partner-token-source";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe("isTokenFresh", () => {
  it("keeps a token until a minute before it expires, whatever its lifetime (1800 s or 86400 s)", () => {
    for (const lifetime of [1800, 86400]) {
      const token = { issuedAt: at(0), expiresAt: at(lifetime) };
      expect(isTokenFresh(token, at(lifetime - 61))).toBe(true);
      expect(isTokenFresh(token, at(lifetime - 60))).toBe(false);
    }
  });

  it("renews a token issued for under two minutes at half its life, so it is still used", () => {
    const token = { issuedAt: at(0), expiresAt: at(60) };
    expect(isTokenFresh(token, at(29))).toBe(true);
    expect(isTokenFresh(token, at(30))).toBe(false);
  });

  it("never trusts an expired token", () => {
    expect(isTokenFresh({ issuedAt: at(0), expiresAt: at(1800) }, at(1800))).toBe(false);
  });
});
