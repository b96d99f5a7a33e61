// POST /api/e2e/destinations/state — TEST ONLY: opens (or closes) a destination's circuit, which otherwise
// takes a run of real failures against a board. 404 unless the server was started with
// SIGNALHOUSE_E2E_HOOKS=1 (only e2e/e2e-env.ts does); Bearer CRON_SECRET besides. docs/decisions/0106.
import { z } from "zod";
import { withCron } from "@/lib/api/cron-route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const ZBody = z.object({
  destination: z.string().min(1).max(200),
  blockedUntil: z.iso.datetime().nullable(),
  lastError: z.string().max(500).nullable().default(null),
});

export const POST = withCron({
  enabled: () => env().SIGNALHOUSE_E2E_HOOKS === "1",
  query: z.object({}),
  body: ZBody,
  async handle({ body }) {
    const blockedUntil = body.blockedUntil ? new Date(body.blockedUntil) : null;
    await db().destinationState.upsert({
      where: { destination: body.destination },
      create: { destination: body.destination, consecutiveFailures: 5, blockedUntil, lastError: body.lastError },
      update: { blockedUntil, lastError: body.lastError, consecutiveFailures: blockedUntil ? 5 : 0 },
    });
    return { ok: true };
  },
});
