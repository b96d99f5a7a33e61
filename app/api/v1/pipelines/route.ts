// GET /api/v1/pipelines?cursor=&limit= — this organization's pipelines with their current version, by key
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { ZPageQuery } from "@/lib/read-back/page-cursor";
import { ZPipelineList } from "@/lib/read-back/read-back-schemas";
import { listPipelines } from "@/lib/read-back/read-pipelines";

export const GET = v1Read({
  params: z.object({}),
  query: z.object(ZPageQuery).strict(),
  doc: { summary: "List pipelines (current versions)", response: ZPipelineList },
  read: ({ principal, query }) => listPipelines(db(), scopeForApiKey(principal), query),
});
