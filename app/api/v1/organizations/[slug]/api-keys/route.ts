// POST /api/v1/organizations/:slug/api-keys — mint a key of that organization; the key is in this response only
import { partnerWrite } from "@/lib/api/partner-route";
import { mintOrganizationKey } from "@/lib/provisioning/organization-keys";
import { ZMintedKey } from "@/lib/provisioning/organization-view";
import { ZCreateOrganizationKeyBody, ZSlugParams } from "@/lib/provisioning/provisioning-input";

export const POST = partnerWrite({
  params: ZSlugParams,
  body: ZCreateOrganizationKeyBody,
  doc: { summary: "Mint an API key of the organization (partner key)", status: 201, response: ZMintedKey },
  write: async ({ tx, actor, body, params }) => {
    const minted = await mintOrganizationKey(tx, { slug: params.slug, name: body.name, actor });
    // A replay of this Idempotency-Key answers the same key id with `key: null`: the plaintext is never
    // kept at rest, not even in the idempotency record (docs/decisions/0141-provisioning-api.md).
    return { status: 201, body: minted, replayBody: { ...minted, key: null } };
  },
});
