// GET /api/v1/applications?positionId=&cursor=&limit= — this organization's applications, by the ATS's id
import { z } from "zod";
import { v1Read } from "@/lib/api/v1-route";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { ZPageQuery } from "@/lib/read-back/page-cursor";
import { listApplications } from "@/lib/read-back/read-applications";
import { ZApplicationList } from "@/lib/read-back/read-back-schemas";
import { ZExternalId } from "@/lib/validation/external-id";

export const GET = v1Read({
  params: z.object({}),
  query: z.object({ positionId: ZExternalId.optional(), ...ZPageQuery }).strict(),
  doc: { summary: "List applications, optionally of one position", response: ZApplicationList },
  read: ({ principal, query }) => listApplications(db(), scopeForApiKey(principal), query),
});
