// Loads an application of one organization by the ATS's id and locks its row for the rest of the
// transaction, so concurrent status changes see each other's "previous" state instead of racing.
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";

export async function findApplicationForUpdate(
  tx: Prisma.TransactionClient,
  organizationId: string,
  externalId: string,
) {
  const found = await tx.application.findUnique({
    where: { organizationId_externalId: { organizationId, externalId } },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND", `No application with id ${externalId}.`);
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${found.id} FOR UPDATE`;
  return tx.application.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      position: { include: { seekProfiles: { where: { removedAt: null }, orderBy: { firstSeenAt: "asc" } } } },
      seekTokenCapture: { select: { id: true, token: true, capturedAt: true } },
    },
  });
}
