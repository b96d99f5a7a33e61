// POST /api/v1/organizations/:slug/api-keys and DELETE …/api-keys/:id — the partner mints and revokes an
// organization's keys. Keys are made and stored exactly as the admin page makes them (sha256 + prefix);
// the plaintext exists only in mint's return value (docs/decisions/0141-provisioning-api.md).

import { forgetApiKey } from "../api-keys/api-key-cache";
import { displayPrefix, generateApiKey, hashApiKey } from "../api-keys/key-format";
import { recordAudit } from "../audit/record-audit";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";

async function organizationIdOf(tx: DbTx, slug: string): Promise<string> {
  const org = await tx.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) throw new AppError("NOT_FOUND", `No organization "${slug}". PUT /api/v1/organizations/${slug} creates it.`);
  return org.id;
}

export type TMintedKey = { id: string; name: string; prefix: string; key: string };

export async function mintOrganizationKey(
  tx: DbTx,
  input: { slug: string; name: string; actor: string },
): Promise<TMintedKey> {
  const organizationId = await organizationIdOf(tx, input.slug);
  const key = generateApiKey();
  const row = await tx.apiKey.create({
    data: { organizationId, name: input.name, prefix: displayPrefix(key), hash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true },
  });
  await recordAudit(tx, {
    actorUserId: null,
    organizationId,
    action: "api_key.create",
    targetType: "api_key",
    targetId: row.id,
    details: { actor: input.actor, name: row.name, prefix: row.prefix },
  });
  return { ...row, key };
}

/** Revoking twice is not an error: the second answers the first revocation time. */
export async function revokeOrganizationKey(
  tx: DbTx,
  input: { slug: string; apiKeyId: string; actor: string },
  now: Date,
): Promise<{ id: string; revokedAt: string }> {
  const organizationId = await organizationIdOf(tx, input.slug);
  // Scoped to the organization in the path: another organization's key id reads as not found.
  const key = await tx.apiKey.findFirst({
    where: { id: input.apiKeyId, organizationId },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!key) throw new AppError("NOT_FOUND", `No API key "${input.apiKeyId}" in organization "${input.slug}".`);
  if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt.toISOString() };
  await tx.apiKey.updateMany({ where: { id: key.id, organizationId, revokedAt: null }, data: { revokedAt: now } });
  // Never cached again in this process, even by a lookup that reads the row before this commits.
  forgetApiKey(key.id);
  await recordAudit(tx, {
    actorUserId: null,
    organizationId,
    action: "api_key.revoke",
    targetType: "api_key",
    targetId: key.id,
    details: { actor: input.actor, name: key.name, prefix: key.prefix },
  });
  return { id: key.id, revokedAt: now.toISOString() };
}
