// GET /api/v1/deliveries/:deliveryId — one delivery's state and attempts
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { getDelivery } from "@/lib/delivery-log/delivery-views";

export const GET = v1Read({
  params: z.object({ deliveryId: z.string().min(1).max(100) }),
  query: z.object({}).strict(),
  read: ({ scope, params }) => getDelivery(db(), scope, params.deliveryId),
});
