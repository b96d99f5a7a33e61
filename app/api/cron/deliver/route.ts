// POST /api/cron/deliver — drain due deliveries for a bounded time (Bearer CRON_SECRET; safe to call concurrently)
import { z } from "zod";
import { withCron } from "@/lib/api/cron-route";
import { db } from "@/lib/db/client";
import { drainFor } from "@/lib/delivery/run/drain";
import { newWorkerId } from "@/lib/delivery/run/worker-id";
import { env } from "@/lib/env";
import { productionChannels, productionObservers } from "@/lib/runtime/production-channels";

export const dynamic = "force-dynamic";

/** The longest one call drains (in-flight sends then get up to 5 s to finish). */
const MAX_DRAIN_MS = 25_000;

const ZCronDeliverQuery = z.object({
  maxMs: z.coerce
    .number({ error: "maxMs must be a positive whole number of milliseconds" })
    .int("maxMs must be a positive whole number of milliseconds")
    .positive("maxMs must be a positive whole number of milliseconds")
    .default(MAX_DRAIN_MS)
    .transform((ms) => Math.min(ms, MAX_DRAIN_MS)),
});

export const POST = withCron({
  query: ZCronDeliverQuery,
  async handle({ query }) {
    const started = Date.now();
    const summary = await drainFor(query.maxMs, {
      db: db(),
      channels: productionChannels(db()),
      observers: productionObservers(),
      workerId: newWorkerId("cron"),
      deadAfterMs: env().SIGNALHOUSE_DEAD_AFTER,
      leaseMs: env().SIGNALHOUSE_LEASE,
    });
    const { mode: _mode, startedAt: _startedAt, stoppedAt: _stoppedAt, wakes: _wakes, ...counts } = summary;
    return { ...counts, maxMs: query.maxMs, durationMs: Date.now() - started };
  },
});
