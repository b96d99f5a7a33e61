// Resolves a Bearer API key to the organization it acts for. SIGNALHOUSE_BOOTSTRAP_API_KEY, when set,
// is a key of the `default` organization (see docs/decisions/0003-bootstrap-api-key.md).
import { timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { DEFAULT_ORGANIZATION_SLUG } from "../organizations/default-organization";
import { hashApiKey } from "./key-format";

export type ApiPrincipal = { organizationId: string; apiKeyId: string | "bootstrap" };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function verifyApiKey(
  db: Db,
  raw: string,
  bootstrapKey: string | undefined,
  now: Date = new Date(),
): Promise<ApiPrincipal | null> {
  if (bootstrapKey && sameSecret(raw, bootstrapKey)) {
    const org = await db.organization.findUnique({ where: { slug: DEFAULT_ORGANIZATION_SLUG }, select: { id: true } });
    return org ? { organizationId: org.id, apiKeyId: "bootstrap" } : null;
  }
  // Looking up by the hash is safe against timing: the hash of a guess reveals nothing about the key.
  const key = await db.apiKey.findUnique({
    where: { hash: hashApiKey(raw) },
    select: { id: true, organizationId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;
  // Coarse last-used time: one write a minute per key, not one per request.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { organizationId: key.organizationId, apiKeyId: key.id };
}
