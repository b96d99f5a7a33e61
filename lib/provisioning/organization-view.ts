// An organization as the partner API shows it. The LinkedIn client secret leaves the database only as
// "is one set?": the ciphertext is selected, reduced to a boolean here, and goes no further.
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
