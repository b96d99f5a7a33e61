// POST /api/e2e/deliveries/state — TEST ONLY: puts deliveries in a state no product path reaches within an
// e2e run (dead needs SIGNALHOUSE_DEAD_AFTER, 3 days, of failures). 404 unless the server was started with
// SIGNALHOUSE_E2E_HOOKS=1 (only e2e/e2e-env.ts does); Bearer CRON_SECRET besides. docs/decisions/0106.
import { z } from "zod";
import { withCron } from "@/lib/api/cron-route";
import { db } from "@/lib/db/client";
import { DELIVERY_STATES } from "@/lib/delivery-log/delivery-log-filter";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const ZBody = z.object({
  deliveryIds: z.array(z.string().min(1).max(100)).min(1).max(1000),
  state: z.enum(DELIVERY_STATES),
  lastErrorCode: z.string().max(100).optional(),
});

export const POST = withCron({
  enabled: () => env().SIGNALHOUSE_E2E_HOOKS === "1",
  query: z.object({}),
  body: ZBody,
  async handle({ body }) {
    const { count } = await db().delivery.updateMany({
      where: { id: { in: body.deliveryIds } },
      data: {
        state: body.state,
        lastErrorCode: body.lastErrorCode ?? null,
        lastError: body.lastErrorCode ? `${body.lastErrorCode} (set by an e2e test)` : null,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    return { count };
  },
});
