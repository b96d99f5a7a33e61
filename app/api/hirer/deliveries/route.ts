// GET /api/hirer/deliveries?org=<slug>&applicationId=<ATS id> (or &positionId=) — what the hirer pages'
// "Sent to job boards" table refreshes from, for a signed-in hirer or admin, or a portal session.
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseOrThrow } from "@/lib/api/v1-route";
import { authorizeUser } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { readRecordDeliveries } from "@/lib/read-back/record-deliveries";
import { ZExternalId } from "@/lib/validation/external-id";

export const dynamic = "force-dynamic";

const ZQuery = z.union([
  z.object({ org: z.string().min(1).max(100), applicationId: ZExternalId }).strict(),
  z.object({ org: z.string().min(1).max(100), positionId: ZExternalId }).strict(),
]);

export async function GET(request: Request): Promise<Response> {
  try {
    const query = parseOrThrow(ZQuery, Object.fromEntries(new URL(request.url).searchParams), "query");
    const user = await authorizeUser();
    const deliveries = await readRecordDeliveries(db(), scopeFor(user), query);
    return Response.json({ deliveries }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
