// GET /api/v1/positions?cursor=&limit= — this organization's positions, by the ATS's id, with their applyLink
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { apiPublicOrigin } from "@/lib/http/api-public-origin";
import { ZPageQuery } from "@/lib/read-back/page-cursor";
import { ZPositionList } from "@/lib/read-back/read-back-schemas";
import { listPositions } from "@/lib/read-back/read-positions";

export const GET = v1Read({
  params: z.object({}),
  query: z.object(ZPageQuery).strict(),
  doc: { summary: "List positions", response: ZPositionList },
  read: ({ principal, query, request }) =>
    listPositions(db(), scopeForApiKey(principal), query, apiPublicOrigin(env(), request)),
});
