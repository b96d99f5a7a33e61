// GET /portal/ended — where a portal page sends a frame whose session has ended or been ended by the ATS.
import { cookies } from "next/headers";
import { PORTAL_COOKIE } from "@/lib/portal/portal-cookie";
import { portalKey } from "@/lib/portal/portal-key";
import { portalNoticePage } from "@/lib/portal/portal-notice-page";
import { openPortalCookie } from "@/lib/portal/portal-tokens";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const value = (await cookies()).get(PORTAL_COOKIE)?.value;
  // An ended session's cookie may still carry its origins; a missing one gives none.
  const claims = value ? openPortalCookie(portalKey(), value, 0) : null;
  return portalNoticePage("ended", claims?.origins ?? []);
}
