// An organization as the partner API shows it. The LinkedIn client secret leaves the database only as
// "is one set?": the ciphertext is selected, reduced to a boolean here, and goes no further.
import { z } from "zod";

export const PARTNER_ORGANIZATION_SELECT = {
  slug: true,
  name: true,
  seekHirerId: true,
  linkedinIntegrationContext: true,
  linkedinClientId: true,
  linkedinClientSecretEnc: true,
  createdAt: true,
  updatedAt: true,
} as const;

type TOrganizationRow = {
  slug: string;
  name: string;
  seekHirerId: string | null;
  linkedinIntegrationContext: string | null;
  linkedinClientId: string | null;
  linkedinClientSecretEnc: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type TPartnerOrganization = {
  slug: string;
  name: string;
  seekHirerId: string | null;
  linkedin: { integrationContext: string | null; clientId: string | null; clientSecretSet: boolean };
  createdAt: string;
  updatedAt: string;
};

export function toPartnerOrganization(row: TOrganizationRow): TPartnerOrganization {
  return {
    slug: row.slug,
    name: row.name,
    seekHirerId: row.seekHirerId,
    linkedin: {
      integrationContext: row.linkedinIntegrationContext,
      clientId: row.linkedinClientId,
      clientSecretSet: row.linkedinClientSecretEnc !== null,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The answers of the partner routes, as zod schemas for the OpenAPI document (lib/openapi). */
export const ZPartnerOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    seekHirerId: z.string().nullable(),
    linkedin: z.object({
      integrationContext: z.string().nullable(),
      clientId: z.string().nullable(),
      clientSecretSet: z.boolean().meta({ description: "the secret itself is write-only" }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PartnerOrganization" });

export const ZPartnerOrganizationList = z.object({
  organizations: z.array(ZPartnerOrganization),
  nextCursor: z.string().nullable(),
});

export const ZMintedKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  key: z.string().nullable().meta({ description: "the key, in this answer only; null in an Idempotency-Key replay" }),
});

export const ZRevokedKey = z.object({ id: z.string(), revokedAt: z.string() });
