// Reads a stored pipeline version's definition. Stored definitions were validated when saved; parsing
// again here keeps a hand-edited row from reaching SEEK malformed.
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { type TPipelineDefinition, ZPipelineDefinition } from "./pipeline-definition";

export type LoadedPipelineVersion = {
  id: string;
  pipelineId: string;
  version: number;
  definition: TPipelineDefinition;
};

export async function loadPipelineVersion(
  tx: Prisma.TransactionClient,
  versionId: string,
): Promise<LoadedPipelineVersion> {
  const row = await tx.pipelineVersion.findUniqueOrThrow({ where: { id: versionId } });
  return {
    id: row.id,
    pipelineId: row.pipelineId,
    version: row.version,
    definition: ZPipelineDefinition.parse(row.definition),
  };
}

/** The current version of a pipeline of this organization, by id; 422 when it has none. */
export async function loadCurrentVersion(
  tx: Prisma.TransactionClient,
  organizationId: string,
  pipelineId: string,
): Promise<LoadedPipelineVersion> {
  const pipeline = await tx.pipeline.findFirst({
    where: { id: pipelineId, organizationId },
    select: { key: true, currentVersionId: true },
  });
  if (!pipeline?.currentVersionId) {
    throw new AppError("UNPROCESSABLE", `Pipeline ${pipeline?.key ?? pipelineId} has no saved version yet.`);
  }
  return loadPipelineVersion(tx, pipeline.currentVersionId);
}
