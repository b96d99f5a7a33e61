// GET /api/v1/organizations and /api/v1/organizations/:slug — the partner reads back what it provisioned.
// A partner sees every organization; pages follow the slug order, and the cursor is the last slug seen.
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { PARTNER_ORGANIZATION_SELECT, type TPartnerOrganization, toPartnerOrganization } from "./organization-view";
import type { TOrganizationListQuery } from "./provisioning-input";

export async function listPartnerOrganizations(
  db: DbOrTx,
  query: TOrganizationListQuery,
): Promise<{ organizations: TPartnerOrganization[]; nextCursor: string | null }> {
  const rows = await db.organization.findMany({
    where: query.cursor === undefined ? {} : { slug: { gt: query.cursor } },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: PARTNER_ORGANIZATION_SELECT,
  });
  const page = rows.slice(0, query.limit);
  return {
    organizations: page.map(toPartnerOrganization),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.slug ?? null) : null,
  };
}

export async function getPartnerOrganization(db: DbOrTx, slug: string): Promise<TPartnerOrganization> {
  const row = await db.organization.findUnique({ where: { slug }, select: PARTNER_ORGANIZATION_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No organization "${slug}". PUT /api/v1/organizations/${slug} creates it.`);
  return toPartnerOrganization(row);
}
