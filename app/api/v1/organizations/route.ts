// GET /api/v1/organizations?cursor=&limit= — every organization, by slug (partner key)
import { z } from "zod";
import { partnerRead } from "@/lib/api/partner-route";
import { db } from "@/lib/db/client";
import { ZPartnerOrganizationList } from "@/lib/provisioning/organization-view";
import { ZOrganizationListQuery } from "@/lib/provisioning/provisioning-input";
import { listPartnerOrganizations } from "@/lib/provisioning/read-partner-organizations";

export const GET = partnerRead({
  params: z.object({}),
  query: ZOrganizationListQuery,
  doc: { summary: "List organizations (partner key)", response: ZPartnerOrganizationList },
  read: ({ query }) => listPartnerOrganizations(db(), query),
});
