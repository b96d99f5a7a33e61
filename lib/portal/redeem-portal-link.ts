// The first visit of a portal link: spends it (one conditional update, so two visits racing cannot both
// win) and starts the session, which lasts 12 hours at most. Any later visit, or one after the link's
// expiry, is refused with the reason the page tells the person.
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { SESSION_MAX_SECONDS } from "./portal-input";

export type TRedeemedPortalLink =
  | { ok: true; sessionId: string; page: string; expiresAt: Date; origins: string[] }
  | { ok: false; reason: "used" | "expired" | "unknown"; origins: string[] };

export async function redeemPortalLink(db: Db, sessionId: string, now: Date): Promise<TRedeemedPortalLink> {
  return db.$transaction(async (tx) => {
    const session = await tx.portalSession.findUnique({
      where: { id: sessionId },
      include: { organization: { select: { portalSettings: { select: { allowedOrigins: true } } } } },
    });
    if (!session) return { ok: false, reason: "unknown", origins: [] };
    const origins = session.organization.portalSettings?.allowedOrigins ?? [];
    const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
    const spent = await tx.portalSession.updateMany({
      where: { id: sessionId, usedAt: null, endedAt: null, linkExpiresAt: { gt: now } },
      data: { usedAt: now, expiresAt },
    });
    if (spent.count === 0) {
      const reason = session.usedAt || session.endedAt ? "used" : "expired";
      return { ok: false, reason, origins };
    }
    await recordAudit(tx, {
      actorUserId: null,
      actor: `portal:${session.id}`,
      organizationId: session.organizationId,
      action: "portal_session.start",
      targetType: "portal_session",
      targetId: session.id,
      details: { atsUserId: session.atsUserId, atsUserName: session.atsUserName, role: session.role },
    });
    return { ok: true, sessionId: session.id, page: session.page, expiresAt, origins };
  });
}
