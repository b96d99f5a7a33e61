// Resolves a Bearer API key to the organization it acts for. SIGNALHOUSE_BOOTSTRAP_API_KEY, when set,
// is a key of the `default` organization (see docs/decisions/0003-bootstrap-api-key.md).
import { timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { DEFAULT_ORGANIZATION_SLUG } from "../organizations/default-organization";
import { cachedPrincipal, rememberPrincipal } from "./api-key-cache";
import { hashApiKey } from "./key-format";

export type ApiPrincipal = { organizationId: string; apiKeyId: string | "bootstrap" };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The organization a key acts for, or null (unknown or revoked). A key verified less than
 * API_KEY_CACHE_TTL_MS ago is answered from memory (lib/api-keys/api-key-cache.ts).
 */
export async function verifyApiKey(
  db: Db,
  raw: string,
  bootstrapKey: string | undefined,
  now: Date = new Date(),
): Promise<ApiPrincipal | null> {
  const hash = hashApiKey(raw);
  const cached = cachedPrincipal(db, hash, now);
  if (cached && (cached.apiKeyId !== "bootstrap" || (bootstrapKey && sameSecret(raw, bootstrapKey)))) return cached;
  const principal = await lookUpApiKey(db, raw, hash, bootstrapKey, now);
  if (principal) rememberPrincipal(db, hash, principal, now);
  return principal;
}

async function lookUpApiKey(
  db: Db,
  raw: string,
  hash: string,
  bootstrapKey: string | undefined,
  now: Date,
): Promise<ApiPrincipal | null> {
  if (bootstrapKey && sameSecret(raw, bootstrapKey)) {
    const org = await db.organization.findUnique({ where: { slug: DEFAULT_ORGANIZATION_SLUG }, select: { id: true } });
    return org ? { organizationId: org.id, apiKeyId: "bootstrap" } : null;
  }
  // Looking up by the hash is safe against timing: the hash of a guess reveals nothing about the key.
  const key = await db.apiKey.findUnique({
    where: { hash },
    select: { id: true, organizationId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;
  // Coarse last-used time: one write a minute per key, not one per request.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { organizationId: key.organizationId, apiKeyId: key.id };
}
