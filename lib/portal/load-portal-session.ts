// The portal session a request carries, as the pages see it: who (the ATS user), which organization, what
// they may do, and how the frame looks. Read from the database on every request, so an ended session
// stops working at once and the cookie alone never decides.
import type { DbOrTx } from "../db/tx";
import type { TPortalRole } from "./portal-input";

export type TPortalSession = {
  sessionId: string;
  role: TPortalRole;
  atsUser: { id: string; name: string; email: string | null };
  organization: { id: string; slug: string; name: string };
  accentColor: string | null;
  allowedOrigins: string[];
};

export async function loadPortalSession(db: DbOrTx, sessionId: string, now: Date): Promise<TPortalSession | null> {
  const session = await db.portalSession.findFirst({
    where: { id: sessionId, usedAt: { not: null }, endedAt: null, expiresAt: { gt: now } },
    include: {
      organization: {
        select: {
          id: true,
          slug: true,
          name: true,
          portalSettings: { select: { allowedOrigins: true, accentColor: true } },
        },
      },
    },
  });
  if (!session) return null;
  const { portalSettings, ...organization } = session.organization;
  return {
    sessionId: session.id,
    role: session.role === "hirer" ? "hirer" : "viewer",
    atsUser: { id: session.atsUserId, name: session.atsUserName, email: session.atsUserEmail },
    organization,
    accentColor: portalSettings?.accentColor ?? null,
    allowedOrigins: portalSettings?.allowedOrigins ?? [],
  };
}
