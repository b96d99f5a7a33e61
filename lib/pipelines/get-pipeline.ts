// Reading pipelines, always within one organization. A stored version is returned as it was saved and
// not re-validated: versions are immutable and events point at them, so a later, stricter schema must
// never make an old version unreadable (ADR 0020).
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { TPipelineDefinition, TPipelineKind } from "./pipeline-definition";

export type TPipelineRecord = {
  id: string;
  key: string;
  kind: TPipelineKind;
  name: string;
  createdAt: Date;
  updatedAt: Date;
};
export type TPipelineVersionRecord = {
  id: string;
  version: number;
  name: string;
  createdAt: Date;
  createdBy: string | null;
};
export type TPipelineWithVersion = {
  pipeline: TPipelineRecord;
  version: TPipelineVersionRecord;
  definition: TPipelineDefinition;
};

const pipelineFields = { id: true, key: true, kind: true, name: true, createdAt: true, updatedAt: true } as const;
const versionFields = {
  id: true,
  version: true,
  name: true,
  createdAt: true,
  createdBy: true,
  definition: true,
} as const;

function withVersion(
  pipeline: TPipelineRecord,
  { definition, ...version }: TPipelineVersionRecord & { definition: unknown },
): TPipelineWithVersion {
  return { pipeline, version, definition: definition as TPipelineDefinition };
}

/** The pipeline `key` of the organization with its current version, or null if there is none. */
export async function getCurrentPipeline(
  db: DbTx,
  scope: TOrganizationScope,
  key: string,
): Promise<TPipelineWithVersion | null> {
  const row = await db.pipeline.findFirst({
    where: inScope(scope, { key }),
    select: { ...pipelineFields, currentVersion: { select: versionFields } },
  });
  if (!row?.currentVersion) return null;
  const { currentVersion, ...pipeline } = row;
  return withVersion(pipeline, currentVersion);
}

/** One version by id (e.g. the one an event was recorded with), only if it belongs to the organization. */
export async function getPipelineVersion(
  db: DbTx,
  scope: TOrganizationScope,
  versionId: string,
): Promise<TPipelineWithVersion | null> {
  const row = await db.pipelineVersion.findFirst({
    where: { id: versionId, pipeline: inScope(scope) },
    select: { ...versionFields, pipeline: { select: pipelineFields } },
  });
  if (!row) return null;
  const { pipeline, ...version } = row;
  return withVersion(pipeline, version);
}
