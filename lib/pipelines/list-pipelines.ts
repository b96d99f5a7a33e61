// The organization's pipelines for the editor's list and the API, with their current version number.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TPipelineKind } from "./pipeline-definition";

export type TPipelineSummary = {
  id: string;
  key: string;
  kind: TPipelineKind;
  name: string;
  updatedAt: Date;
  currentVersion: { id: string; version: number; createdAt: Date; createdBy: string | null } | null;
};

export async function listPipelines(db: DbOrTx, scope: TOrganizationScope): Promise<TPipelineSummary[]> {
  return db.pipeline.findMany({
    where: inScope(scope),
    orderBy: [{ kind: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      kind: true,
      name: true,
      updatedAt: true,
      currentVersion: { select: { id: true, version: true, createdAt: true, createdBy: true } },
    },
  });
}
