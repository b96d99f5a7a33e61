// One pipeline for its page: the current definition the editor starts from, and every saved version
// (number, when, who), newest first. Read within one organization of the caller's scope; another
// organization's pipeline is NOT_FOUND.
import { describeActors } from "../actors/describe-actors";
import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { TPipelineDefinition, TPipelineKind } from "./pipeline-definition";

export type TPipelineVersionEntry = {
  version: number;
  name: string;
  createdAt: Date;
  createdBy: string;
  current: boolean;
};

export type TPipelineForEditor = {
  key: string;
  kind: TPipelineKind;
  name: string;
  current: { version: number; definition: TPipelineDefinition } | null;
  versions: TPipelineVersionEntry[];
};

const MAX_VERSIONS = 200;

export async function getPipelineForEditor(
  db: DbOrTx,
  scope: TScope,
  input: { organizationId: string; key: string },
): Promise<TPipelineForEditor> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const pipeline = await db.pipeline.findFirst({
    where: inScope(orgScope, { key: input.key }),
    select: {
      key: true,
      kind: true,
      name: true,
      currentVersionId: true,
      currentVersion: { select: { version: true, definition: true } },
      versions: {
        orderBy: { version: "desc" },
        take: MAX_VERSIONS,
        select: { id: true, version: true, name: true, createdAt: true, createdBy: true },
      },
    },
  });
  if (!pipeline) throw new AppError("NOT_FOUND", `No pipeline ${input.key}.`);
  const actors = await describeActors(
    db,
    orgScope,
    scope.kind === "all",
    pipeline.versions.map((v) => v.createdBy),
  );
  return {
    key: pipeline.key,
    kind: pipeline.kind,
    name: pipeline.name,
    current: pipeline.currentVersion
      ? {
          version: pipeline.currentVersion.version,
          definition: pipeline.currentVersion.definition as TPipelineDefinition,
        }
      : null,
    versions: pipeline.versions.map((v) => ({
      version: v.version,
      name: v.name,
      createdAt: v.createdAt,
      createdBy: v.createdBy ? (actors.get(v.createdBy) ?? v.createdBy) : "Unknown",
      current: v.id === pipeline.currentVersionId,
    })),
  };
}
