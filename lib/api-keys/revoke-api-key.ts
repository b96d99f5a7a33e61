// Revoking is immediate and permanent: verifyApiKey refuses a key with revokedAt set from the next
// request on (at once in this process, which forgets it; within the cache's TTL in others, 0164). Revoking an already revoked key changes nothing (the first revocation time stays).
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { inScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { forgetApiKey } from "./api-key-cache";

export const ZRevokeApiKeyInput = z.object({ apiKeyId: z.string().min(1) });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;

export async function revokeApiKey(
  db: Db,
  scope: TScope,
  input: TRevokeApiKeyInput,
  now: Date = new Date(),
): Promise<{ id: string; organizationId: string; revokedAt: Date }> {
  const revoked = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: inScope(scope, { id: input.apiKeyId }),
      select: { id: true, organizationId: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw new AppError("NOT_FOUND", "No such API key.");
    if (key.revokedAt) return { id: key.id, organizationId: key.organizationId, revokedAt: key.revokedAt };
    await tx.apiKey.updateMany({ where: inScope(scope, { id: key.id, revokedAt: null }), data: { revokedAt: now } });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: key.organizationId,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: key.id,
      details: { name: key.name, prefix: key.prefix },
    });
    return { id: key.id, organizationId: key.organizationId, revokedAt: now };
  });
  forgetApiKey(revoked.id);
  return revoked;
}
