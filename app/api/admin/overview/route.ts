// GET /api/admin/overview — the overview's polling: per-channel health, latency, the last hour by minute, workers
import { z } from "zod";
import { adminRead } from "@/lib/api/admin-read-route";
import { readOverview } from "@/lib/dashboard/read-overview";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = adminRead({
  params: z.object({}),
  query: z.object({}),
  read: () => readOverview(db()),
});
