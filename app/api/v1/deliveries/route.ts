// GET /api/v1/deliveries?state=&channel=&cursor= — this organization's deliveries, newest first
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { listDeliveries, ZDeliveryListQuery } from "@/lib/delivery-log/delivery-views";

export const GET = v1Read({
  params: z.object({}),
  query: ZDeliveryListQuery,
  read: ({ scope, query }) => listDeliveries(db(), scope, query),
});
