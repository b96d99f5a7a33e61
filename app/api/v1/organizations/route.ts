// GET /api/v1/organizations?cursor=&limit= — every organization, by slug (partner key)
import { z } from "zod";
import { partnerRead } from "@/lib/api/partner-route";
import { db } from "@/lib/db/client";
import { ZOrganizationListQuery } from "@/lib/provisioning/provisioning-input";
import { listPartnerOrganizations } from "@/lib/provisioning/read-partner-organizations";

export const GET = partnerRead({
  params: z.object({}),
  query: ZOrganizationListQuery,
  read: ({ query }) => listPartnerOrganizations(db(), query),
});
