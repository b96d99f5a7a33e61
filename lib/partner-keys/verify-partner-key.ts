// Resolves a Bearer key to the partner (the ATS vendor), or null when it is no partner key.
// SIGNALHOUSE_PARTNER_API_KEY, when set, is a partner key too (docs/decisions/0140-partner-keys.md).
import { timingSafeEqual } from "node:crypto";
import { hashApiKey } from "../api-keys/key-format";
import type { Db } from "../db/client";

export type PartnerPrincipal = { partnerKeyId: string | "env" };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Who a partner key is in the audit log and on events: "partnerkey:<id>" or "partnerkey:env". */
export function partnerActor(principal: PartnerPrincipal): string {
  return `partnerkey:${principal.partnerKeyId}`;
}

export async function verifyPartnerKey(
  db: Db,
  raw: string,
  envKey: string | undefined,
  now: Date = new Date(),
): Promise<PartnerPrincipal | null> {
  if (envKey && sameSecret(raw, envKey)) return { partnerKeyId: "env" };
  // Looked up by hash, as organization keys are: the hash of a guess reveals nothing about a key.
  const key = await db.partnerApiKey.findUnique({
    where: { hash: hashApiKey(raw) },
    select: { id: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;
  // Coarse last-used time: one write a minute per key, not one per request.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.partnerApiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { partnerKeyId: key.id };
}
