// DELETE /api/v1/organizations/:slug/api-keys/:apiKeyId — revoke that key (401 for it from the next request on)
import { z } from "zod";
import { partnerWrite } from "@/lib/api/partner-route";
import { revokeOrganizationKey } from "@/lib/provisioning/organization-keys";
import { ZRevokedKey } from "@/lib/provisioning/organization-view";
import { ZOrganizationKeyParams } from "@/lib/provisioning/provisioning-input";

export const DELETE = partnerWrite({
  params: ZOrganizationKeyParams,
  body: z.object({}).strict(),
  doc: { summary: "Revoke an API key of the organization (partner key)", status: 200, response: ZRevokedKey },
  write: async ({ tx, actor, params, now }) => ({
    status: 200,
    body: await revokeOrganizationKey(tx, { slug: params.slug, apiKeyId: params.apiKeyId, actor }, now),
  }),
});
