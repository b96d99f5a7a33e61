// Status keys as people read them. Every status change is recorded with the pipeline version it was made
// in, so its label comes from that version (a later rename does not rewrite history). Versions are read
// only through their pipeline's organization.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TPipelineDefinition } from "./pipeline-definition";

export type TVersionDefinitions = ReadonlyMap<string, TPipelineDefinition>;

/** The definitions of the given versions that belong to the scope's organization. */
export async function loadVersionDefinitions(
  db: DbOrTx,
  scope: TOrganizationScope,
  versionIds: Iterable<string | null | undefined>,
): Promise<TVersionDefinitions> {
  const ids = [...new Set([...versionIds].filter((id): id is string => typeof id === "string"))];
  if (ids.length === 0) return new Map();
  const rows = await db.pipelineVersion.findMany({
    where: { id: { in: ids }, pipeline: inScope(scope) },
    select: { id: true, definition: true },
  });
  return new Map(rows.map((row) => [row.id, row.definition as TPipelineDefinition]));
}

/** The label of a status in the version it was recorded with; the key itself when that is unknown. */
export function statusLabel(
  definitions: TVersionDefinitions,
  versionId: string | null | undefined,
  statusKey: string | null | undefined,
): string | null {
  if (!statusKey) return null;
  const definition = versionId ? definitions.get(versionId) : undefined;
  return definition?.statuses.find((status) => status.key === statusKey)?.label ?? statusKey;
}
