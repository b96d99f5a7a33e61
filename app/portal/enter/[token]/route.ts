// GET /portal/enter/:token — the single-use portal link: spends it, sets the partitioned session cookie
// and sends the frame on to the page the ATS asked for. A used, expired or forged link gets a plain page
// saying so (docs/decisions/0150).
import { db } from "@/lib/db/client";
import { portalCookieHeader } from "@/lib/portal/portal-cookie";
import { portalKey } from "@/lib/portal/portal-key";
import { portalNoticePage } from "@/lib/portal/portal-notice-page";
import { sealPortalCookie, sessionIdFromLinkToken } from "@/lib/portal/portal-tokens";
import { redeemPortalLink } from "@/lib/portal/redeem-portal-link";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const now = new Date();
  const { token } = await context.params;
  const key = portalKey();
  const sessionId = sessionIdFromLinkToken(key, token);
  if (!sessionId) return portalNoticePage("unknown", []);
  const redeemed = await redeemPortalLink(db(), sessionId, now);
  if (!redeemed.ok) return portalNoticePage(redeemed.reason, redeemed.origins);
  const cookie = sealPortalCookie(key, {
    sessionId: redeemed.sessionId,
    expiresAt: redeemed.expiresAt.getTime(),
    origins: redeemed.origins,
  });
  return new Response(null, {
    status: 303,
    headers: {
      Location: redeemed.page,
      "Set-Cookie": portalCookieHeader(cookie, (redeemed.expiresAt.getTime() - now.getTime()) / 1000),
      "Cache-Control": "no-store",
      // the token is in this URL: never hand it on to the next page's requests
      "Referrer-Policy": "no-referrer",
    },
  });
}
