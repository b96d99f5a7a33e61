// PUT /api/v1/pipelines/{key} and the editor's save: every save is a new, immutable version (ADR 0020).
// The pipeline row is created if missing and then locked (SELECT ... FOR UPDATE), so concurrent saves of
// one pipeline take turns and can never compute the same version number.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { TPipelineRecord, TPipelineVersionRecord } from "./get-pipeline";
import { PIPELINE_KEY_PATTERN, type TPipelineDefinition, ZPipelineDefinition } from "./pipeline-definition";

export type TSavePipelineVersionInput = {
  organizationId: string;
  key: string;
  definition: TPipelineDefinition;
  /** "user:<id>", "apikey:<id>" or "system" */
  actor: string;
};

export type TSavedPipelineVersion = {
  pipeline: TPipelineRecord;
  version: TPipelineVersionRecord;
  definition: TPipelineDefinition;
};

export async function savePipelineVersion(db: Db, input: TSavePipelineVersionInput): Promise<TSavedPipelineVersion> {
  const { organizationId, key, actor } = input;
  if (!PIPELINE_KEY_PATTERN.test(key)) {
    const message = "use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit";
    throw new AppError("BAD_REQUEST", `Invalid pipeline key: ${message}.`, [{ path: ["key"], message }]);
  }
  const parsed = ZPipelineDefinition.safeParse(input.definition);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The pipeline is not valid.", parsed.error.issues);
  const definition = parsed.data;

  return db.$transaction(
    async (tx) => {
      // ON CONFLICT DO NOTHING: a concurrent first save waits for the other's insert instead of failing.
      await tx.pipeline.createMany({
        data: [{ organizationId, key, kind: definition.kind, name: definition.name }],
        skipDuplicates: true,
      });
      await tx.$queryRaw`SELECT "id" FROM "Pipeline" WHERE "organizationId" = ${organizationId} AND "key" = ${key} FOR UPDATE`;
      const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { organizationId_key: { organizationId, key } } });
      if (pipeline.kind !== definition.kind) {
        throw new AppError(
          "UNPROCESSABLE",
          `Pipeline "${key}" is a ${pipeline.kind} pipeline; its kind cannot change. Use another key for a ${definition.kind} pipeline.`,
          [{ path: ["kind"], message: `must be "${pipeline.kind}"` }],
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
      return { pipeline: updated, version, definition };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
