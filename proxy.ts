// Runs before every page. Two jobs:
// - Framing (docs/decisions/0150): a hirer page opened through an embedded-portal session may be framed
//   by its organization's allowed origins (the session cookie carries them, signed); every other page,
//   and any page without that cookie, by no one (`frame-ancestors 'none'`, X-Frame-Options: DENY).
// - Defence in depth only: a request for an admin page without any session cookie is sent to /signin
//   before the page runs. It cannot tell a valid or current session from a stale one; every page, action
//   and route handler still checks on the server (lib/auth/guards.ts).
import { type NextRequest, NextResponse } from "next/server";
import { signInPath } from "./lib/auth/safe-callback-url";
import { PORTAL_COOKIE } from "./lib/portal/portal-cookie";
import { frameAncestors, isPortalPagePath } from "./lib/portal/portal-framing";
import { portalKey } from "./lib/portal/portal-key";
import { openPortalCookie } from "./lib/portal/portal-tokens";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  // next-auth splits large tokens into "<name>.0", "<name>.1", …
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

function isAdminPath(pathname: string): boolean {
  return pathname.startsWith("/admin/") || pathname === "/admin" || /^\/deliveries(\/|$)/.test(pathname);
}

/** The origins that may frame this response: only for a portal page requested with a valid portal cookie. */
function portalFramers(request: NextRequest): string[] | null {
  if (!isPortalPagePath(request.nextUrl.pathname)) return null;
  const value = request.cookies.get(PORTAL_COOKIE)?.value;
  if (!value) return null;
  try {
    return openPortalCookie(portalKey(), value, Date.now())?.origins ?? null;
  } catch {
    return null;
  }
}

function withFraming(response: NextResponse, framers: string[] | null): NextResponse {
  response.headers.set("Content-Security-Policy", frameAncestors(framers));
  if (!framers?.length) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isAdminPath(pathname) && !hasSessionCookie(request)) {
    return withFraming(NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url)), null);
  }
  return withFraming(NextResponse.next(), portalFramers(request));
}

// Every page: not static assets, the embed script, the portal's own routes (/portal/enter, /portal/ended set
// their own framing), nor the JSON API and the apply redirect, whose hot paths gain nothing from framing rules.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.svg|embed\\.js|portal/|api/|apply/).*)"],
};
