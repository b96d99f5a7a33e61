// DELETE /api/v1/portal/sessions?userId=: ends every session and unused link of one ATS user of the
// caller's organization. Their next request in the frame shows the "session ended" page.
import { recordAudit } from "../audit/record-audit";
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";

export async function endPortalSessions(
  tx: DbTx,
  scope: TOrganizationScope,
  atsUserId: string,
  now: Date,
): Promise<{ ended: number }> {
  const { count } = await tx.portalSession.updateMany({
    where: inScope(scope, { atsUserId, endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }),
    data: { endedAt: now },
  });
  await recordAudit(tx, {
    actorUserId: scope.actorUserId,
    actor: scope.actor,
    organizationId: scope.organizationId,
    action: "portal_session.end",
    targetType: "portal_session",
    count,
    details: { atsUserId },
  });
  return { ended: count };
}
