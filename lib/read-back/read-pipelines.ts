// GET /api/v1/pipelines: the organization's pipelines with their current version, in the same shape
// GET /api/v1/pipelines/{key} answers, ordered by key and paged like the other lists.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TPipelineDefinition } from "../pipelines/pipeline-definition";
import { pageOf } from "./page-cursor";

export async function listPipelines(db: DbOrTx, scope: TOrganizationScope, page: { cursor?: string; limit: number }) {
  const rows = await db.pipeline.findMany({
    where: inScope(scope, { currentVersionId: { not: null }, ...(page.cursor ? { key: { gt: page.cursor } } : {}) }),
    orderBy: { key: "asc" },
    take: page.limit + 1,
    select: { key: true, currentVersion: { select: { version: true, definition: true } } },
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => row.key);
  return {
    pipelines: items.flatMap(({ key, currentVersion }) =>
      currentVersion
        ? [{ key, version: currentVersion.version, ...(currentVersion.definition as TPipelineDefinition) }]
        : [],
    ),
    nextCursor,
  };
}
