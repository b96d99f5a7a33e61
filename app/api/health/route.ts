// GET /api/health — database reachable, oldest pending age, worker heartbeat (public, no tenant data)
import { currentTarget, db } from "@/lib/db/client";
import { readHealth } from "@/lib/health/read-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await readHealth(db(), currentTarget());
  return Response.json(health, { status: health.database.reachable ? 200 : 503 });
}
