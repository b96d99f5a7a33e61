// POST /api/cron/deliver — drain due deliveries for a bounded time (Bearer CRON_SECRET; safe to call concurrently)
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { db } from "@/lib/db/client";
import { authorizeCron } from "@/lib/delivery/authorize-cron";
import { productionChannels } from "@/lib/delivery/channels";
import { drainFor } from "@/lib/delivery/drain";
import { newWorkerId } from "@/lib/delivery/worker-id";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** The longest one call drains (in-flight sends then get up to 5 s to finish). */
const MAX_DRAIN_MS = 25_000;

const ZCronDeliverQuery = z.object({
  maxMs: z.coerce
    .number()
    .int()
    .positive()
    .default(MAX_DRAIN_MS)
    .transform((ms) => Math.min(ms, MAX_DRAIN_MS)),
});

export async function POST(request: Request): Promise<Response> {
  const config = env();
  const denied = authorizeCron(request.headers.get("authorization"), config.CRON_SECRET);
  if (denied) return errorResponse(denied);
  const query = ZCronDeliverQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return errorResponse(
      new AppError("BAD_REQUEST", "maxMs must be a positive whole number of milliseconds", query.error.issues),
    );
  }
  const started = Date.now();
  const summary = await drainFor(query.data.maxMs, {
    db: db(),
    channels: productionChannels(db()),
    workerId: newWorkerId("cron"),
    deadAfterMs: config.SIGNALHOUSE_DEAD_AFTER,
    leaseMs: config.SIGNALHOUSE_LEASE,
  });
  const { mode: _mode, startedAt: _startedAt, stoppedAt: _stoppedAt, wakes: _wakes, ...counts } = summary;
  return Response.json({ ...counts, maxMs: query.data.maxMs, durationMs: Date.now() - started });
}
