// GET /apply/:positionId — public: store the seek-token byte for byte, 303 to the position's own applyUrl
import { captureSeekToken } from "@/lib/captures/capture-seek-token";
import { clientAddress } from "@/lib/captures/client-address";
import { FixedWindowLimiter } from "@/lib/captures/fixed-window-limiter";
import { plainErrorPage } from "@/lib/captures/plain-error-page";
import { rawRequestSearch } from "@/lib/captures/raw-request-search";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

// 30 captures a minute per address is far above any candidate's clicks and far below a scraper's.
const limiter = new FixedWindowLimiter(30, 60_000);

export async function GET(request: Request, { params }: { params: Promise<{ positionId: string }> }) {
  const gate = limiter.take(clientAddress(request));
  if (!gate.allowed) {
    return plainErrorPage(429, "Too many requests", "Please wait a moment and try the link again.", {
      "Retry-After": String(gate.retryAfterSeconds),
    });
  }
  const { positionId } = await params;
  const rawSearch = rawRequestSearch(request);
  try {
    const result = await db().$transaction((tx) => captureSeekToken(tx, { positionId, rawSearch }));
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
