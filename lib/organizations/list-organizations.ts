// Organizations the caller may see, newest last, with the fields the admin pages show.

import { organizationsInScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { ORGANIZATION_SUMMARY_SELECT } from "./organization-fields";

export type TOrganizationSummary = {
  id: string;
  slug: string;
  name: string;
  seekHirerId: string | null;
  linkedinIntegrationContext: string | null;
  linkedinClientId: string | null;
  linkedinClientSecretSet: boolean;
  createdAt: Date;
};

export async function listOrganizations(db: DbOrTx, scope: TScope): Promise<TOrganizationSummary[]> {
  const rows = await db.organization.findMany({
    where: organizationsInScope(scope),
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: { ...ORGANIZATION_SUMMARY_SELECT, linkedinClientSecretEnc: true },
  });
  // The ciphertext is reduced to "is one set?" right here and goes no further.
  return rows.map(({ linkedinClientSecretEnc, ...row }) => ({
    ...row,
    linkedinClientSecretSet: linkedinClientSecretEnc !== null,
  }));
}
