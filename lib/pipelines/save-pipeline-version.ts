// PUT /api/v1/pipelines/{key} and the editor's save: every save is a new, immutable version (ADR 0020).
// The pipeline row is created if missing and then locked (SELECT ... FOR UPDATE), so concurrent saves of
// one pipeline take turns and can never compute the same version number.

import { inScope, type TOrganizationScope } from "../data/scope";
import type { Db } from "../db/client";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { toApiIssues } from "../validation/zod-issues";
import type { TPipelineRecord, TPipelineVersionRecord } from "./get-pipeline";
import { PIPELINE_KEY_PATTERN, type TPipelineDefinition, ZPipelineDefinition } from "./pipeline-definition";

export type TSavePipelineVersionInput = {
  key: string;
  definition: TPipelineDefinition;
};

export type TSavedPipelineVersion = {
  /** the PipelineVersionSaved event */
  eventId: string;
  pipeline: TPipelineRecord;
  version: TPipelineVersionRecord;
  definition: TPipelineDefinition;
};

/** Saves in its own transaction (the editor's server action). */
export async function savePipelineVersion(
  db: Db,
  scope: TOrganizationScope,
  input: TSavePipelineVersionInput,
): Promise<TSavedPipelineVersion> {
  return db.$transaction((tx) => writePipelineVersion(tx, scope, input), { maxWait: 15_000, timeout: 30_000 });
}

/**
 * Saves inside the caller's transaction. It does not look at the records in the pipeline: the API and
 * the editor save through status-changes/save-pipeline-moving-records.ts, which refuses to strand any.
 */
export async function writePipelineVersion(
  tx: DbTx,
  scope: TOrganizationScope,
  input: TSavePipelineVersionInput,
): Promise<TSavedPipelineVersion> {
  const { key } = input;
  // Created in, then locked and read within, the scope's organization (raw SQL cannot use inScope).
  const { organizationId, actor } = scope;
  if (!PIPELINE_KEY_PATTERN.test(key)) {
    const message = "use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit";
    throw new AppError("VALIDATION_FAILED", `Invalid pipeline key: ${message}.`, [
      { path: "key", message, code: "invalid_format" },
    ]);
  }
  const parsed = ZPipelineDefinition.safeParse(input.definition);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The pipeline is not valid.", toApiIssues(parsed.error));
  const definition = parsed.data;

  // ON CONFLICT DO NOTHING: a concurrent first save waits for the other's insert instead of failing.
  await tx.pipeline.createMany({
    data: [{ organizationId, key, kind: definition.kind, name: definition.name }],
    skipDuplicates: true,
  });
  await tx.$queryRaw`SELECT "id" FROM "Pipeline" WHERE "organizationId" = ${organizationId} AND "key" = ${key} FOR UPDATE`;
  const pipeline = await tx.pipeline.findFirstOrThrow({ where: inScope(scope, { key }) });
  if (pipeline.kind !== definition.kind) {
    throw new AppError(
      "UNPROCESSABLE",
      `Pipeline "${key}" is a ${pipeline.kind} pipeline; its kind cannot change. Use another key for a ${definition.kind} pipeline.`,
      [{ path: "kind", message: `must be "${pipeline.kind}"`, code: "invalid_value" }],
    );
  }
  const latest = await tx.pipelineVersion.aggregate({
    where: { pipelineId: pipeline.id },
    _max: { version: true },
  });
  const version = await tx.pipelineVersion.create({
    data: {
      pipelineId: pipeline.id,
      version: (latest._max.version ?? 0) + 1,
      name: definition.name,
      definition,
      createdBy: actor,
    },
    select: { id: true, version: true, name: true, createdAt: true, createdBy: true },
  });
  const updated = await tx.pipeline.update({
    where: { id: pipeline.id },
    data: { name: definition.name, currentVersionId: version.id },
    select: { id: true, key: true, kind: true, name: true, createdAt: true, updatedAt: true },
  });
  const event = await tx.event.create({
    data: {
      organizationId,
      type: "PipelineVersionSaved",
      versionId: version.id,
      occurredAt: version.createdAt,
      actor,
      data: { key, version: version.version },
    },
  });
  return { eventId: event.id, pipeline: updated, version, definition };
}
