// An admin creates a partner key. As with organization keys, the full key exists only in this function's
// return value: the database keeps its sha256 and a short prefix, so it is shown exactly once.
import { z } from "zod";
import { displayPrefix, generateApiKey, hashApiKey } from "../api-keys/key-format";
import { recordAudit } from "../audit/record-audit";
import type { TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";

export const ZCreatePartnerKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key (e.g. where it is used)").max(100, "Use at most 100 characters"),
});
export type TCreatePartnerKeyInput = z.infer<typeof ZCreatePartnerKeyInput>;

export type TCreatedPartnerKey = { id: string; name: string; prefix: string; key: string };

export async function createPartnerKey(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TCreatePartnerKeyInput,
): Promise<TCreatedPartnerKey> {
  const key = generateApiKey();
  return db.$transaction(async (tx) => {
    const row = await tx.partnerApiKey.create({
      data: { name: input.name, prefix: displayPrefix(key), hash: hashApiKey(key), createdById: scope.actorUserId },
      select: { id: true, name: true, prefix: true },
    });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      action: "partner_key.create",
      targetType: "partner_key",
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return { ...row, key };
  });
}
