// The pipeline version a record's status was recorded with (Application/Position.currentVersionId is a
// plain id, not a relation): its number, its pipeline and its definition, read only through the scope's
// organization, for labels, SEEK state and the older-version notice (version-lag.ts).
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TPipelineDefinition } from "./pipeline-definition";

export type TRecordedVersionRow = {
  pipelineId: string;
  pipelineName: string;
  version: number;
  definition: TPipelineDefinition;
};

export async function recordedVersion(
  db: DbOrTx,
  scope: TOrganizationScope,
  versionId: string | null,
): Promise<TRecordedVersionRow | null> {
  if (!versionId) return null;
  const row = await db.pipelineVersion.findFirst({
    where: { id: versionId, pipeline: inScope(scope) },
    select: { version: true, definition: true, pipelineId: true, pipeline: { select: { name: true } } },
  });
  if (!row) return null;
  return {
    pipelineId: row.pipelineId,
    pipelineName: row.pipeline.name,
    version: row.version,
    definition: row.definition as TPipelineDefinition,
  };
}
