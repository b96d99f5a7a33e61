// Who is signed in, for this request: the session cookie names a user id, and the database decides
// whether that user exists, is active, and what they may see. A deactivated user's cookie stops working
// on their next request. Cached per request (React cache) so a page and its guards share one lookup.
import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db/client";
import { authOptions } from "./auth-options";
import { loadSessionUser, type TSessionUser } from "./session-user";

export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (typeof userId !== "string" || userId === "") return null;
  return loadSessionUser(db(), { userId, signedInAt: session?.user?.signedInAt ?? 0 });
});
