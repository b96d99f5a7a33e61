// GET /api/v1/deliveries?state=&channel=&cursor= — this organization's deliveries, newest first
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { listDeliveries, ZDeliveryListQuery } from "@/lib/delivery-log/delivery-views";

export const GET = v1Read({
  params: z.object({}),
  query: ZDeliveryListQuery,
  read: ({ principal, query }) => listDeliveries(db(), scopeForApiKey(principal), query),
});
