// POST /api/v1/portal/sessions: a single-use link that opens the portal for one ATS user of the caller's
// organization. The row is the link's whole state; the token is derived from its id (portal-tokens).
import { recordAudit } from "../audit/record-audit";
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { TPortalSessionInput } from "./portal-input";

export async function createPortalSession(
  tx: DbTx,
  scope: TOrganizationScope,
  input: TPortalSessionInput,
  now: Date,
): Promise<{ sessionId: string; linkExpiresAt: Date }> {
  const settings = await tx.portalSettings.findUnique({ where: { organizationId: scope.organizationId } });
  if (!settings || settings.allowedOrigins.length === 0) {
    throw new AppError(
      "UNPROCESSABLE",
      "Set the origins that may show the portal first: PUT /api/v1/portal/settings { allowedOrigins: [...] }.",
    );
  }
  const linkExpiresAt = new Date(now.getTime() + input.expiresInSeconds * 1000);
  const session = await tx.portalSession.create({
    data: {
      organizationId: scope.organizationId,
      atsUserId: input.user.id,
      atsUserName: input.user.name,
      atsUserEmail: input.user.email ?? null,
      role: input.role,
      page: input.page,
      linkExpiresAt,
      createdBy: scope.actor,
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actorUserId: scope.actorUserId,
    actor: scope.actor,
    organizationId: scope.organizationId,
    action: "portal_session.create",
    targetType: "portal_session",
    targetId: session.id,
    details: {
      atsUserId: input.user.id,
      role: input.role,
      page: input.page,
      linkExpiresAt: linkExpiresAt.toISOString(),
    },
  });
  return { sessionId: session.id, linkExpiresAt };
}
