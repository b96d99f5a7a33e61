// Saves an organization's board settings. The LinkedIn client secret is write-only: a new value is
// encrypted before it touches the database, an empty field keeps the stored one, and the audit entry
// names which settings changed without their values.
import { recordAudit } from "../audit/record-audit";
import { encryptSecret } from "../crypto/secret-box";
import { organizationsInScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { TIntegrationSettingsInput } from "./organization-fields";

export async function updateIntegrationSettings(
  db: Db,
  scope: TScope,
  input: TIntegrationSettingsInput,
  encryptionKey: string | undefined,
): Promise<void> {
  const secretChange = input.linkedinClientSecret ?? (input.clearLinkedinClientSecret ? null : undefined);
  if (typeof secretChange === "string" && !encryptionKey) {
    throw new AppError("UNPROCESSABLE", "SIGNALHOUSE_ENCRYPTION_KEY is not configured, so secrets cannot be stored.");
  }
  const linkedinClientSecretEnc =
    typeof secretChange === "string" && encryptionKey ? encryptSecret(secretChange, encryptionKey) : secretChange;

  await db.$transaction(async (tx) => {
    const before = await tx.organization.findFirst({
      where: organizationsInScope(scope, { id: input.organizationId }),
      select: { id: true, seekHirerId: true, linkedinIntegrationContext: true, linkedinClientId: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "No such organization.");
    await tx.organization.update({
      where: organizationsInScope(scope, { id: before.id }),
      data: {
        seekHirerId: input.seekHirerId,
        linkedinIntegrationContext: input.linkedinIntegrationContext,
        linkedinClientId: input.linkedinClientId,
        ...(linkedinClientSecretEnc !== undefined ? { linkedinClientSecretEnc } : {}),
      },
    });
    const changed: string[] = (["seekHirerId", "linkedinIntegrationContext", "linkedinClientId"] as const).filter(
      (field) => before[field] !== input[field],
    );
    if (secretChange !== undefined)
      changed.push(secretChange === null ? "linkedinClientSecret:cleared" : "linkedinClientSecret");
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: before.id,
      action: "organization.update_integrations",
      targetType: "organization",
      targetId: before.id,
      details: { changed },
    });
  });
}
