// PUT /api/v1/portal/settings: the origins that may frame this organization's portal and its accent
// colour. Sessions already open keep the origins their cookie was signed with until they end (≤ 12 h).
import { recordAudit } from "../audit/record-audit";
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { TPortalSettingsInput } from "./portal-input";

export type TPortalSettings = { allowedOrigins: string[]; accentColor: string | null; updatedAt: Date };

export async function savePortalSettings(
  tx: DbTx,
  scope: TOrganizationScope,
  input: TPortalSettingsInput,
): Promise<TPortalSettings> {
  const allowedOrigins = [...new Set(input.allowedOrigins)];
  const data = { allowedOrigins, accentColor: input.accentColor ?? null };
  const saved = await tx.portalSettings.upsert({
    where: { organizationId: scope.organizationId },
    create: { organizationId: scope.organizationId, ...data },
    update: data,
  });
  await recordAudit(tx, {
    actorUserId: scope.actorUserId,
    actor: scope.actor,
    organizationId: scope.organizationId,
    action: "portal_settings.update",
    targetType: "organization",
    targetId: scope.organizationId,
    details: data,
  });
  return { allowedOrigins: saved.allowedOrigins, accentColor: saved.accentColor, updatedAt: saved.updatedAt };
}
