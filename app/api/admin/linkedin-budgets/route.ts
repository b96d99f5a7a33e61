// GET /api/admin/linkedin-budgets — LinkedIn's remaining daily request budget per organization, for the deliveries page
import { z } from "zod";
import { adminRead } from "@/lib/api/admin-read-route";
import { db } from "@/lib/db/client";
import { listLinkedinBudgets } from "@/lib/delivery-log/list-linkedin-budgets";

export const dynamic = "force-dynamic";

export const GET = adminRead({
  params: z.object({}),
  query: z.object({}).strict(),
  read: ({ scope }) => listLinkedinBudgets(db(), scope),
});
