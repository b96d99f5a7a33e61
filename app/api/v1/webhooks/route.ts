// GET /api/v1/webhooks — the caller's operational webhooks (never their secrets)
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { listWebhooks } from "@/lib/webhooks/webhook-subscriptions";

export const GET = v1Read({
  params: z.object({}),
  query: z.object({}),
  read: ({ principal }) => listWebhooks(db(), principal.organizationId),
});
