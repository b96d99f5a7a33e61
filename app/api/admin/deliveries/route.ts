// GET /api/admin/deliveries?state=&channel=&organization=&cursor=&limit= — the deliveries page's polling: one page and the counts by state
import { z } from "zod";
import { adminRead } from "@/lib/api/admin-read-route";
import { db } from "@/lib/db/client";
import { readAdminDeliveryPage } from "@/lib/delivery-log/admin-delivery-list";
import { ZDeliveryLogQuery } from "@/lib/delivery-log/delivery-log-filter";

export const dynamic = "force-dynamic";

export const GET = adminRead({
  params: z.object({}),
  query: ZDeliveryLogQuery,
  read: ({ scope, query }) => readAdminDeliveryPage(db(), scope, query),
});
