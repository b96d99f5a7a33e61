import { describe, expect, it } from "vitest";
import {
  linkToken,
  openPortalCookie,
  portalSigningKey,
  sealPortalCookie,
  sessionIdFromLinkToken,
} from "./portal-tokens";

const key = portalSigningKey("a server secret of enough length");
const otherKey = portalSigningKey("another server's secret, same length");
const now = 1_800_000_000_000;

describe("portal link tokens", () => {
  it("name the session they were made for, and only when this server signed them", () => {
    const token = linkToken(key, "cm0session1");
    expect(sessionIdFromLinkToken(key, token)).toBe("cm0session1");
    expect(sessionIdFromLinkToken(otherKey, token)).toBeNull();
  });

  it("refuse a forged or altered token without telling which part was wrong", () => {
    const token = linkToken(key, "cm0session1");
    const [, mac] = token.split(".");
    expect(sessionIdFromLinkToken(key, `cm0session2.${mac}`)).toBeNull();
    expect(sessionIdFromLinkToken(key, `${token}x`)).toBeNull();
    expect(sessionIdFromLinkToken(key, `${token}.extra`)).toBeNull();
    expect(sessionIdFromLinkToken(key, "cm0session1")).toBeNull();
    expect(sessionIdFromLinkToken(key, "")).toBeNull();
    expect(sessionIdFromLinkToken(key, `../etc.${mac}`)).toBeNull();
  });
});

describe("portal session cookie", () => {
  const claims = { sessionId: "cm0session1", expiresAt: now + 60_000, origins: ["https://ats.example.com"] };

  it("carries the session, its end and the origins that may frame it", () => {
    expect(openPortalCookie(key, sealPortalCookie(key, claims), now)).toEqual(claims);
  });

  it("is refused after its end, signed by another key, or altered", () => {
    const sealed = sealPortalCookie(key, claims);
    expect(openPortalCookie(key, sealed, claims.expiresAt)).toBeNull();
    expect(openPortalCookie(otherKey, sealed, now)).toBeNull();
    const [, mac] = sealed.split(".");
    const widened = Buffer.from(JSON.stringify({ s: "cm0session1", x: now + 60_000, o: ["https://evil.example"] }));
    expect(openPortalCookie(key, `${widened.toString("base64url")}.${mac}`, now)).toBeNull();
    expect(openPortalCookie(key, "garbage", now)).toBeNull();
  });
});
