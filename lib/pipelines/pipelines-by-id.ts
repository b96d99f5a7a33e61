// The pipelines a position points at (Position.pipelineId / applicationPipelineId are plain ids, not
// relations), with their current version, read only within the scope's organization.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TPipelineDefinition, TPipelineKind } from "./pipeline-definition";

export type TPipelineWithCurrent = {
  id: string;
  key: string;
  kind: TPipelineKind;
  name: string;
  version: { id: string; version: number; definition: TPipelineDefinition } | null;
};

export async function pipelinesById(
  db: DbOrTx,
  scope: TOrganizationScope,
  ids: Iterable<string | null | undefined>,
): Promise<ReadonlyMap<string, TPipelineWithCurrent>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db.pipeline.findMany({
    where: inScope(scope, { id: { in: wanted } }),
    select: {
      id: true,
      key: true,
      kind: true,
      name: true,
      currentVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  return new Map(
    rows.map(({ currentVersion, ...pipeline }) => [
      pipeline.id,
      {
        ...pipeline,
        version: currentVersion
          ? { ...currentVersion, definition: currentVersion.definition as TPipelineDefinition }
          : null,
      },
    ]),
  );
}
