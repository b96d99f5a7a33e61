// The version a status change is recorded against: the current version of one organization's pipeline.
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { getPipelineVersion, type TPipelineWithVersion } from "./get-pipeline";

export async function loadCurrentVersion(
  tx: Prisma.TransactionClient,
  organizationId: string,
  pipelineId: string,
): Promise<TPipelineWithVersion> {
  const pipeline = await tx.pipeline.findFirst({
    where: { id: pipelineId, organizationId },
    select: { key: true, currentVersionId: true },
  });
  const current = pipeline?.currentVersionId
    ? await getPipelineVersion(tx, organizationId, pipeline.currentVersionId)
    : null;
  if (!current)
    throw new AppError("UNPROCESSABLE", `Pipeline ${pipeline?.key ?? pipelineId} has no saved version yet.`);
  return current;
}

/** A version an earlier event was recorded with; it belongs to the organization by construction. */
export async function loadRecordedVersion(
  tx: Prisma.TransactionClient,
  organizationId: string,
  versionId: string,
): Promise<TPipelineWithVersion> {
  const version = await getPipelineVersion(tx, organizationId, versionId);
  if (!version) throw new Error(`pipeline version ${versionId} of organization ${organizationId} is missing`);
  return version;
}
