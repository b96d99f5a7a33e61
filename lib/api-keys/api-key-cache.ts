// What a verified API key acts for, remembered for a few seconds so the v1 API does not read the key's
// row on every request (issue #16; docs/decisions/0164). The bound on a revocation is the TTL: a key
// revoked by another process stops working within API_KEY_CACHE_TTL_MS. A revocation in this process
// forgets the key and keeps it out of the cache for good (revoking is permanent), so a lookup racing the
// revoking transaction, which still reads the committed, unrevoked row, cannot put it back: every
// request that starts after the revocation commits is refused.
//
// An entry answers only for the database client that verified it (tests open PGlite and PostgreSQL in
// one process, each with its own `default` organization). Refusals are never cached, so a guessed key
// costs a lookup each time and cannot fill the memory.

export const API_KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export type CachedPrincipal = { organizationId: string; apiKeyId: string | "bootstrap" };

type Entry = { owner: object; principal: CachedPrincipal; checkedAt: number };

// On globalThis, like the Prisma client (lib/db/client.ts): the build puts this module in both the
// route-handler and the page chunks, and a Map in each copy could let the admin page's revocation miss
// the API's cache.
const holder = globalThis as unknown as {
  __signalhouseApiKeyCache?: {
    entries: Map<string, Entry>;
    /** ids of keys revoked in this process, never cached again (the oldest dropped past MAX_ENTRIES) */
    revoked: Set<string>;
  };
};
holder.__signalhouseApiKeyCache ??= { entries: new Map(), revoked: new Set() };
const { entries, revoked } = holder.__signalhouseApiKeyCache;

/** The principal `owner` verified for this key hash less than one TTL before `now`, if any. */
export function cachedPrincipal(owner: object, keyHash: string, now: Date): CachedPrincipal | undefined {
  const entry = entries.get(keyHash);
  if (!entry || entry.owner !== owner) return undefined;
  const age = now.getTime() - entry.checkedAt;
  if (age < 0 || age >= API_KEY_CACHE_TTL_MS) return undefined;
  return entry.principal;
}

export function rememberPrincipal(owner: object, keyHash: string, principal: CachedPrincipal, now: Date): void {
  if (revoked.has(principal.apiKeyId)) return;
  entries.delete(keyHash);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(keyHash, { owner, principal, checkedAt: now.getTime() });
}

/** Called by every revocation: the key is refused from the next request on in this process. */
export function forgetApiKey(apiKeyId: string): void {
  revoked.add(apiKeyId);
  if (revoked.size > MAX_ENTRIES) revoked.delete(revoked.values().next().value as string);
  for (const [hash, entry] of entries) if (entry.principal.apiKeyId === apiKeyId) entries.delete(hash);
}
