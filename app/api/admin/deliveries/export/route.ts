// GET /api/admin/deliveries/export?<the log's filters> — every matching delivery as CSV, streamed; admins only
import { z } from "zod";
import { adminRoute } from "@/lib/api/admin-read-route";
import { db } from "@/lib/db/client";
import { ZDeliveryLogFilter } from "@/lib/delivery-log/delivery-log-filter";
import { deliveriesCsv } from "@/lib/delivery-log/export-deliveries-csv";

export const dynamic = "force-dynamic";

export const GET = adminRoute({
  params: z.object({}),
  query: ZDeliveryLogFilter,
  async respond({ scope, query }) {
    const rows = deliveriesCsv(db(), scope, query);
    // The header row comes after the filter's lookups: a failure there is still an error response.
    const first = await rows.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "");
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="deliveries-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
});
