// An admin creates a key for one organization. The full key exists only in this function's return value:
// the database keeps its sha256 and a short prefix, so it is shown to the person exactly once.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { narrowToOrganization, organizationsInScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { displayPrefix, generateApiKey, hashApiKey } from "./key-format";

export const ZCreateApiKeyInput = z.object({
  organizationId: z.string().min(1, "Choose an organization"),
  name: z.string().trim().min(1, "Name the key (e.g. where it is used)").max(100, "Use at most 100 characters"),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export type TCreatedApiKey = { id: string; name: string; prefix: string; organizationId: string; key: string };

export async function createApiKey(db: Db, scope: TScope, input: TCreateApiKeyInput): Promise<TCreatedApiKey> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const key = generateApiKey();
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({
      where: organizationsInScope(orgScope, { id: orgScope.organizationId }),
      select: { id: true },
    });
    if (!org) throw new AppError("NOT_FOUND", "No such organization.");
    const row = await tx.apiKey.create({
      data: {
        organizationId: org.id,
        name: input.name,
        prefix: displayPrefix(key),
        hash: hashApiKey(key),
        createdById: scope.actorUserId,
      },
      select: { id: true, name: true, prefix: true, organizationId: true },
    });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: org.id,
      action: "api_key.create",
      targetType: "api_key",
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return { ...row, key };
  });
}
