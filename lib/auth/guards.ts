// The checks at the top of every page, server action and route handler that shows or changes data.
// Pages redirect (anonymous → /signin) or 404 (hirer on an admin page: not even its existence is shown);
// actions and route handlers throw AppError("UNAUTHENTICATED" | "FORBIDDEN"), which runAction and the
// API error mapper turn into a message or a 401/403. A proxy, if any, is defence in depth only.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, hasPortalCookie } from "./current-user";
import { assertAdmin, assertCanChange, assertSignedIn } from "./roles";
import { signInPath } from "./safe-callback-url";
import type { TSessionUser } from "./session-user";

export type TAdminUser = TSessionUser & { role: "admin" };

/** Page guard: the signed-in user, or a redirect to /signin that returns to `returnTo` (a relative path). */
export async function requireUser(returnTo: string): Promise<TSessionUser> {
  const user = await getCurrentUser();
  // In the ATS's frame a dead portal session gets the page that says so, not a sign-in form.
  if (!user && (await hasPortalCookie())) redirect("/portal/ended");
  if (!user) redirect(signInPath(returnTo));
  return user;
}

/** Page guard for admin pages: anonymous → /signin; a hirer gets the 404 page, never the content. */
export async function requireAdmin(returnTo: string): Promise<TAdminUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "admin") notFound();
  return user as TAdminUser;
}

/** Action / route-handler guard: the signed-in user, or AppError("UNAUTHENTICATED"). */
export async function authorizeUser(): Promise<TSessionUser> {
  return assertSignedIn(await getCurrentUser());
}

/** Action guard for changes: the signed-in user unless the portal opened them read-only (viewer). */
export async function authorizeEditor(): Promise<TSessionUser> {
  return assertCanChange(await authorizeUser());
}

/** Action / route-handler guard: an admin, or AppError("UNAUTHENTICATED" | "FORBIDDEN"). */
export async function authorizeAdmin(): Promise<TAdminUser> {
  return assertAdmin(await getCurrentUser());
}
