// GET /apply/:orgSlug/:positionId (canonical) and /apply/:positionId (older links) — public: store the
// seek-token byte for byte, 303 to the position's own applyUrl. One catch-all route, because Next allows
// only one dynamic segment name per level (docs/decisions/0123-apply-link-form.md).
import { captureSeekToken } from "@/lib/captures/capture-seek-token";
import { clientAddress, NO_PEER_KEY } from "@/lib/captures/client-address";
import { FixedWindowLimiter } from "@/lib/captures/fixed-window-limiter";
import { plainErrorPage } from "@/lib/captures/plain-error-page";
import { rawRequestSearch } from "@/lib/captures/raw-request-search";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

// 30 captures a minute per address is far above any candidate's clicks and far below a scraper's.
const limiter = new FixedWindowLimiter(30, 60_000);
let warnedNoPeer = false;

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const address = clientAddress(request, env().SIGNALHOUSE_TRUSTED_PROXIES);
  if (address === NO_PEER_KEY && !warnedNoPeer) {
    warnedNoPeer = true;
    console.warn(
      "[apply] no peer address: start the app with `npm start` (scripts/serve.mjs) so each client is limited apart",
    );
  }
  const gate = limiter.take(address);
  if (!gate.allowed) {
    return plainErrorPage(429, "Too many requests", "Please wait a moment and try the link again.", {
      "Retry-After": String(gate.retryAfterSeconds),
    });
  }
  const { path = [] } = await params;
  const rawSearch = rawRequestSearch(request);
  try {
    const result = await db().$transaction((tx) => captureSeekToken(tx, { path, rawSearch }));
    return new Response(null, { status: 303, headers: { Location: result.location, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") {
      return plainErrorPage(404, "Job not found", "This job is no longer available, or the link is incomplete.");
    }
    if (isAppError(error)) return plainErrorPage(error.status, "Invalid link", error.message);
    console.error("[apply] capture failed", error);
    return plainErrorPage(500, "Something went wrong", "Please try the link again in a moment.");
  }
}
