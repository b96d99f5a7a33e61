// A pipeline version's definition by id, for status changes. Versions never change once saved (ADR 0020),
// so each server process keeps the ones it has read: a status change then costs one query for the
// pipeline's current version id instead of five for two full version reads. Keyed by organization and
// version, and filled only from a read scoped to that organization, so the cache never answers across
// organizations. Bounded: the oldest entries are dropped first.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { TPipelineDefinition } from "./pipeline-definition";

export type TVersionDefinition = { versionId: string; definition: TPipelineDefinition };

const MAX_ENTRIES = 1_000;
const cache = new Map<string, TVersionDefinition>();

/** One version of the organization's pipelines, or null when it has no such version. */
export async function versionDefinition(
  tx: DbTx,
  scope: TOrganizationScope,
  versionId: string,
): Promise<TVersionDefinition | null> {
  return (await versionDefinitions(tx, scope, [versionId])).get(versionId) ?? null;
}

/** Versions of the organization's pipelines by id, in one read for those not cached; unknown ids are absent. */
export async function versionDefinitions(
  tx: DbTx,
  scope: TOrganizationScope,
  versionIds: Iterable<string>,
): Promise<Map<string, TVersionDefinition>> {
  const key = (versionId: string) => `${scope.organizationId}\u0000${versionId}`;
  const found = new Map<string, TVersionDefinition>();
  const missing: string[] = [];
  for (const versionId of new Set(versionIds)) {
    const cached = cache.get(key(versionId));
    if (cached) found.set(versionId, cached);
    else missing.push(versionId);
  }
  if (missing.length === 0) return found;
  const rows = await tx.pipelineVersion.findMany({
    where: { id: { in: missing }, pipeline: inScope(scope) },
    select: { id: true, definition: true },
  });
  for (const row of rows) {
    const entry = { versionId: row.id, definition: row.definition as TPipelineDefinition };
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key(row.id), entry);
    found.set(row.id, entry);
  }
  return found;
}

/**
 * The current version of one organization's pipeline; UNPROCESSABLE while it has none. A caller that
 * read the pipeline's key and current version id in its own statement (scoped to the organization, in
 * the same transaction) passes them as `known`, sparing the read.
 */
export async function currentVersionDefinition(
  tx: DbTx,
  scope: TOrganizationScope,
  pipelineId: string,
  known?: { key: string; currentVersionId: string | null } | null,
): Promise<TVersionDefinition> {
  const pipeline =
    known ??
    (await tx.pipeline.findFirst({
      where: inScope(scope, { id: pipelineId }),
      select: { key: true, currentVersionId: true },
    }));
  const versions = pipeline?.currentVersionId ? await versionDefinitions(tx, scope, [pipeline.currentVersionId]) : null;
  return currentVersionOf(pipelineId, pipeline, versions ?? new Map());
}

/** The pipeline's current version among versions already read; UNPROCESSABLE while it has none. */
export function currentVersionOf(
  pipelineId: string,
  pipeline: { key: string; currentVersionId: string | null } | null | undefined,
  versions: ReadonlyMap<string, TVersionDefinition>,
): TVersionDefinition {
  const current = pipeline?.currentVersionId ? versions.get(pipeline.currentVersionId) : undefined;
  if (!current)
    throw new AppError("UNPROCESSABLE", `Pipeline ${pipeline?.key ?? pipelineId} has no saved version yet.`);
  return current;
}
