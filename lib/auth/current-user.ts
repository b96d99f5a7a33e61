// Who is signed in, for this request: the session cookie names a user id, and the database decides
// whether that user exists, is active, and what they may see. A deactivated user's cookie stops working
// on their next request. Cached per request (React cache) so a page and its guards share one lookup.
// A portal session (an ATS user in the embedded portal, lib/portal) comes first: inside the ATS's frame
// only its partitioned cookie is sent, and it is the narrower of the two.
import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db/client";
import { loadPortalSession } from "../portal/load-portal-session";
import { PORTAL_COOKIE } from "../portal/portal-cookie";
import { portalKey } from "../portal/portal-key";
import { openPortalCookie } from "../portal/portal-tokens";
import { authOptions } from "./auth-options";
import { portalSessionUser } from "./portal-user";
import { loadSessionUser, type TSessionUser } from "./session-user";

/** Whether the request carries a portal cookie at all (valid or not): the frame then gets the portal's pages. */
export async function hasPortalCookie(): Promise<boolean> {
  return (await cookies()).has(PORTAL_COOKIE);
}

const currentPortalUser = async (): Promise<TSessionUser | null> => {
  const value = (await cookies()).get(PORTAL_COOKIE)?.value;
  if (!value) return null;
  const now = new Date();
  const claims = openPortalCookie(portalKey(), value, now.getTime());
  const session = claims ? await loadPortalSession(db(), claims.sessionId, now) : null;
  return session ? portalSessionUser(session) : null;
};

export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const portalUser = await currentPortalUser();
  if (portalUser) return portalUser;
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (typeof userId !== "string" || userId === "") return null;
  return loadSessionUser(db(), { userId, signedInAt: session?.user?.signedInAt ?? 0 });
});
