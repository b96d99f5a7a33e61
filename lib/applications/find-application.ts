// Loads an application of one organization by the ATS's id and locks its row for the rest of the
// transaction, so concurrent status changes see each other's "previous" state instead of racing.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";

export async function findApplicationForUpdate(tx: DbTx, scope: TOrganizationScope, externalId: string) {
  // Found and locked in one statement; raw SQL, so the scope's condition is written out here.
  const [found] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Application" WHERE "organizationId" = ${scope.organizationId} AND "externalId" = ${externalId} FOR UPDATE`;
  if (!found) throw new AppError("NOT_FOUND", `No application with id ${externalId}.`);
  return tx.application.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      position: { include: { seekProfiles: { where: { removedAt: null }, orderBy: { firstSeenAt: "asc" } } } },
      seekTokenCapture: { select: { id: true, token: true, capturedAt: true } },
    },
  });
}
