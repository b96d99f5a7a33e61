// The signed-in person as every guard and page sees them, read fresh from the database on each request.
// The session cookie only says *who* signed in; whether they may still act, and with which role and
// organization, comes from here (docs/decisions/0011-jwt-sessions-with-database-reload.md).
import type { DbOrTx } from "../db/tx";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "hirer";
  /** null for admins, who see every organization */
  organizationId: string | null;
  organization: { id: string; slug: string; name: string } | null;
  /**
   * Set when the person is an ATS user in the embedded portal (lib/portal), not a Signalhouse user: `id`
   * is then the portal session's id, and they act as a hirer of one organization, or only look (viewer).
   */
  portal?: TPortalAccess;
};

export type TPortalAccess = {
  sessionId: string;
  role: "hirer" | "viewer";
  accentColor: string | null;
  /** the origins the frame's messages may go to */
  allowedOrigins: string[];
};

/** What the session cookie says: who, and when they signed in (ms since the epoch; 0 when unknown). */
export type TSessionClaims = { userId: string; signedInAt: number };

export async function loadSessionUser(db: DbOrTx, claims: TSessionClaims): Promise<TSessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionsValidFrom: true,
      organizationId: true,
      organization: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!user?.active) return null;
  // A session from before a deactivation stays dead after a reactivation: the person signs in again.
  if (user.sessionsValidFrom && claims.signedInAt < user.sessionsValidFrom.getTime()) return null;
  // A hirer without an organization could only see nothing; treat the row as unusable rather than guess.
  if (user.role === "hirer" && !user.organizationId) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.role === "admin" ? null : user.organizationId,
    organization: user.role === "admin" ? null : user.organization,
  };
}
