// PUT /api/v1/organizations/:slug — create (201) or update (200) an organization (partner key)
// GET same path — read it back; the LinkedIn client secret only as `linkedin.clientSecretSet`
import { z } from "zod";
import { partnerRead, partnerWrite } from "@/lib/api/partner-route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ZPartnerOrganization } from "@/lib/provisioning/organization-view";
import { ZPutOrganizationBody, ZSlugParams } from "@/lib/provisioning/provisioning-input";
import { putOrganization } from "@/lib/provisioning/put-organization";
import { getPartnerOrganization } from "@/lib/provisioning/read-partner-organizations";

export const PUT = partnerWrite({
  params: ZSlugParams,
  body: ZPutOrganizationBody,
  doc: {
    summary: "Create (201) or update (200) an organization (partner key)",
    status: 200,
    mayCreate: true,
    response: ZPartnerOrganization,
  },
  write: async ({ tx, actor, body, params }) => {
    const { created, organization } = await putOrganization(tx, {
      slug: params.slug,
      body,
      actor,
      encryptionKey: env().SIGNALHOUSE_ENCRYPTION_KEY,
    });
    return { status: created ? 201 : 200, body: organization };
  },
});

export const GET = partnerRead({
  params: ZSlugParams,
  query: z.object({}).strict(),
  doc: { summary: "Read an organization (partner key)", response: ZPartnerOrganization },
  read: ({ params }) => getPartnerOrganization(db(), params.slug),
});
