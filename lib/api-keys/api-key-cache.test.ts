import { describe, expect, it } from "vitest";
import { API_KEY_CACHE_TTL_MS, cachedPrincipal, forgetApiKey, rememberPrincipal } from "./api-key-cache";

const T0 = new Date("2026-11-23T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("the API-key cache", () => {
  it("answers a verified key for less than the TTL, then sends it back to the database", () => {
    const db = {};
    const principal = { organizationId: "org-1", apiKeyId: "key-ttl" };
    rememberPrincipal(db, "hash-ttl", principal, T0);
    expect(cachedPrincipal(db, "hash-ttl", at(API_KEY_CACHE_TTL_MS - 1))).toEqual(principal);
    expect(cachedPrincipal(db, "hash-ttl", at(API_KEY_CACHE_TTL_MS))).toBeUndefined();
    // a clock that went back does not stretch an entry's life
    expect(cachedPrincipal(db, "hash-ttl", at(-1))).toBeUndefined();
  });

  it("answers only for the database client that verified the key", () => {
    const pglite = {};
    const postgres = {};
    rememberPrincipal(pglite, "hash-owner", { organizationId: "org-a", apiKeyId: "bootstrap" }, T0);
    expect(cachedPrincipal(postgres, "hash-owner", T0)).toBeUndefined();
    expect(cachedPrincipal(pglite, "hash-owner", T0)?.organizationId).toBe("org-a");
  });

  it("a revoked key is forgotten at once and never cached again, even by a lookup that read it before the revocation committed", () => {
    const db = {};
    const principal = { organizationId: "org-1", apiKeyId: "key-revoked" };
    rememberPrincipal(db, "hash-revoked", principal, T0);
    forgetApiKey("key-revoked");
    expect(cachedPrincipal(db, "hash-revoked", T0)).toBeUndefined();
    rememberPrincipal(db, "hash-revoked", principal, at(1));
    expect(cachedPrincipal(db, "hash-revoked", at(1))).toBeUndefined();
  });
});
