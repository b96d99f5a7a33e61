// The person behind a portal session, in the shape every page and guard already takes: a hirer of one
// organization (role "hirer" whether the ATS opened it to edit or only to look: `portal.role` says which).
import type { TPortalSession } from "../portal/load-portal-session";
import type { TSessionUser } from "./session-user";

export function portalSessionUser(session: TPortalSession): TSessionUser {
  return {
    id: session.sessionId,
    email: session.atsUser.email ?? "",
    name: session.atsUser.name,
    role: "hirer",
    organizationId: session.organization.id,
    organization: session.organization,
    portal: {
      sessionId: session.sessionId,
      role: session.role,
      accentColor: session.accentColor,
      allowedOrigins: session.allowedOrigins,
    },
  };
}
