// GET /api/admin/deliveries/:deliveryId — one delivery with its attempts, redacted, for the detail page's polling
import { z } from "zod";
import { adminRead } from "@/lib/api/admin-read-route";
import { db } from "@/lib/db/client";
import { readAdminDeliveryDetail } from "@/lib/delivery-log/admin-delivery-detail";

export const dynamic = "force-dynamic";

export const GET = adminRead({
  params: z.object({ deliveryId: z.string().min(1).max(100) }),
  query: z.object({}).strict(),
  read: ({ scope, params }) => readAdminDeliveryDetail(db(), scope, params.deliveryId),
});
