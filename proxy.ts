// Defence in depth only: a request for an admin page without any session cookie is sent to /signin
// before the page runs. It cannot tell a valid or current session from a stale one; every page, action
// and route handler still checks on the server (lib/auth/guards.ts).
import { type NextRequest, NextResponse } from "next/server";
import { signInPath } from "./lib/auth/safe-callback-url";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  // next-auth splits large tokens into "<name>.0", "<name>.1", …
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

export function proxy(request: NextRequest) {
  if (hasSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
}

export const config = { matcher: ["/admin/:path*", "/deliveries", "/deliveries/:path*"] };
