// The deliveries of one application or position named by the ATS's id, as the hirer pages show them and
// refresh them (GET /api/hirer/deliveries). Scoped like the pages: a hirer (or portal session) reaches
// only their own organization; another organization's slug or id reads as not found.
import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { listDeliveriesOfRecord, type TRecordDelivery } from "../delivery/deliveries-of-record";
import { AppError } from "../errors/app-error";
import { organizationBySlug } from "../organizations/working-organization";

export type TRecordRef = { org: string } & ({ applicationId: string } | { positionId: string });

export async function readRecordDeliveries(db: DbOrTx, scope: TScope, ref: TRecordRef): Promise<TRecordDelivery[]> {
  const organization = await organizationBySlug(db, scope, ref.org);
  const orgScope = narrowToOrganization(scope, organization.id);
  if ("applicationId" in ref) {
    const app = await db.application.findFirst({
      where: inScope(orgScope, { externalId: ref.applicationId }),
      select: { id: true },
    });
    if (!app) throw new AppError("NOT_FOUND", `No application ${ref.applicationId}.`);
    return listDeliveriesOfRecord(db, orgScope, { applicationId: app.id });
  }
  const position = await db.position.findFirst({
    where: inScope(orgScope, { externalId: ref.positionId }),
    select: { id: true },
  });
  if (!position) throw new AppError("NOT_FOUND", `No position ${ref.positionId}.`);
  return listDeliveriesOfRecord(db, orgScope, { positionId: position.id });
}
