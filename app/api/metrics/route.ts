// GET /api/metrics — Prometheus text; Bearer CRON_SECRET (the operations secret) or an admin session

import { authorizeCron } from "@/lib/api/authorize-cron";
import { errorResponse } from "@/lib/api/error-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { readMetrics } from "@/lib/metrics/read-metrics";
import { renderPrometheus } from "@/lib/metrics/render-prometheus";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const denied = authorizeCron(authorization, env().CRON_SECRET);
    if (denied) return errorResponse(denied);
  } else if ((await getCurrentUser())?.role !== "admin") {
    return errorResponse(
      new AppError("UNAUTHENTICATED", "Scrape with `Authorization: Bearer <CRON_SECRET>`, or sign in as an admin."),
    );
  }
  return new Response(renderPrometheus(await readMetrics(db())), {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" },
  });
}
