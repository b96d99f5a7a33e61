// Revoking a partner key is immediate and permanent; revoking it again changes nothing.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export const ZRevokePartnerKeyInput = z.object({ partnerKeyId: z.string().min(1) });
export type TRevokePartnerKeyInput = z.infer<typeof ZRevokePartnerKeyInput>;

export async function revokePartnerKey(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TRevokePartnerKeyInput,
  now: Date = new Date(),
): Promise<{ id: string; revokedAt: Date }> {
  return db.$transaction(async (tx) => {
    const key = await tx.partnerApiKey.findUnique({
      where: { id: input.partnerKeyId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw new AppError("NOT_FOUND", "No such partner key.");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    await tx.partnerApiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      action: "partner_key.revoke",
      targetType: "partner_key",
      targetId: key.id,
      details: { name: key.name, prefix: key.prefix },
    });
    return { id: key.id, revokedAt: now };
  });
}
