// One organization's integration settings for its edit page. The LinkedIn client secret leaves this
// function only as a masked label: the plaintext is decrypted here, cut down, and dropped.
import { decryptSecret } from "../crypto/secret-box";
import { describeSealedSecret, type TSecretState } from "../crypto/secret-label";
import { organizationsInScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { ORGANIZATION_SUMMARY_SELECT } from "./organization-fields";

export type TOrganizationSettings = {
  id: string;
  slug: string;
  name: string;
  seekHirerId: string | null;
  linkedinIntegrationContext: string | null;
  linkedinClientId: string | null;
  linkedinClientSecret: TSecretState;
  createdAt: Date;
};

export async function getOrganizationSettings(
  db: DbOrTx,
  scope: TScope,
  organizationId: string,
  encryptionKey: string | undefined,
): Promise<TOrganizationSettings> {
  const org = await db.organization.findFirst({
    where: organizationsInScope(scope, { id: organizationId }),
    select: { ...ORGANIZATION_SUMMARY_SELECT, linkedinClientSecretEnc: true },
  });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  const { linkedinClientSecretEnc, ...rest } = org;
  const linkedinClientSecret = describeSealedSecret(linkedinClientSecretEnc, (sealed) => {
    if (!encryptionKey) throw new Error("no encryption key configured");
    return decryptSecret(sealed, encryptionKey);
  });
  return { ...rest, linkedinClientSecret };
}
