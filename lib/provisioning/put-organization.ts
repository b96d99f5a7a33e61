// PUT /api/v1/organizations/:slug — the partner creates or updates one organization. The LinkedIn client
// secret is encrypted before it reaches the database and never comes back; the audit entry names the
// settings that changed, never their values.

import { recordAudit } from "../audit/record-audit";
import { encryptSecret } from "../crypto/secret-box";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { PARTNER_ORGANIZATION_SELECT, type TPartnerOrganization, toPartnerOrganization } from "./organization-view";
import type { TPutOrganizationBody } from "./provisioning-input";

const SETTINGS = ["name", "seekHirerId", "linkedinIntegrationContext", "linkedinClientId"] as const;

export async function putOrganization(
  tx: DbTx,
  input: { slug: string; body: TPutOrganizationBody; actor: string; encryptionKey: string | undefined },
): Promise<{ created: boolean; organization: TPartnerOrganization }> {
  const { slug, body, actor } = input;
  const secret = body.linkedin?.clientSecret;
  if (typeof secret === "string" && !input.encryptionKey) {
    throw new AppError("UNPROCESSABLE", "SIGNALHOUSE_ENCRYPTION_KEY is not configured, so secrets cannot be stored.");
  }
  const settings = {
    name: body.name,
    seekHirerId: body.seekHirerId ?? null,
    linkedinIntegrationContext: body.linkedin?.integrationContext ?? null,
    linkedinClientId: body.linkedin?.clientId ?? null,
    // undefined: keep the stored secret (write-only; see ZPutOrganizationBody)
    ...(secret === undefined
      ? {}
      : { linkedinClientSecretEnc: secret === null ? null : encryptSecret(secret, input.encryptionKey as string) }),
  };

  const before = await tx.organization.findUnique({
    where: { slug },
    select: { id: true, ...PARTNER_ORGANIZATION_SELECT },
  });
  const row = before
    ? await tx.organization.update({
        where: { id: before.id },
        data: settings,
        select: { id: true, ...PARTNER_ORGANIZATION_SELECT },
      })
    : await tx.organization.create({
        data: { slug, ...settings },
        select: { id: true, ...PARTNER_ORGANIZATION_SELECT },
      });

  const changed: string[] = SETTINGS.filter((field) => before?.[field] !== row[field]);
  if (secret !== undefined && (secret !== null || before?.linkedinClientSecretEnc))
    changed.push(secret === null ? "linkedinClientSecret:cleared" : "linkedinClientSecret");
  await recordAudit(tx, {
    actorUserId: null,
    organizationId: row.id,
    action: before ? "organization.update" : "organization.create",
    targetType: "organization",
    targetId: row.id,
    details: { actor, slug, changed },
  });
  return { created: !before, organization: toPartnerOrganization(row) };
}
