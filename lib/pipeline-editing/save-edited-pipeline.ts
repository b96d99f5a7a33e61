// The editor's save: a new immutable version through writePipelineVersionMovingRecords (the code path
// of PUT /api/v1/pipelines/{key}), with the audit entry in the same transaction
// so the log never names a version that was rolled back. The organization comes from the caller's scope:
// a hirer saving into another organization gets NOT_FOUND.
import { recordAudit } from "../audit/record-audit";
import { narrowToOrganization, organizationForWrite, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { TPipelineDefinition } from "../pipelines/pipeline-definition";
import type { TStatusMoves } from "../pipelines/plan-stranded-moves";
import {
  type TSavedMovingRecords,
  writePipelineVersionMovingRecords,
} from "../status-changes/save-pipeline-moving-records";

export async function saveEditedPipeline(
  db: Db,
  scope: TScope,
  input: { organizationId: string; key: string; definition: TPipelineDefinition; moves?: TStatusMoves },
  now: Date = new Date(),
): Promise<TSavedMovingRecords> {
  const organizationId = organizationForWrite(scope, input.organizationId);
  if (scope.kind === "all") {
    // An admin's scope admits any id: make sure this one names an organization before creating rows in it.
    const exists = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", "No such organization.");
  }
  return db.$transaction(
    async (tx) => {
      const saved = await writePipelineVersionMovingRecords(
        tx,
        narrowToOrganization(scope, organizationId),
        { key: input.key, definition: input.definition, moves: input.moves },
        now,
      );
      await recordAudit(tx, {
        actorUserId: scope.actorUserId,
        actor: scope.actor,
        organizationId,
        action: "pipeline.save_version",
        targetType: "pipeline",
        targetId: saved.pipeline.id,
        details: {
          key: saved.pipeline.key,
          kind: saved.pipeline.kind,
          version: saved.version.version,
          ...(saved.moved.length ? { moved: saved.moved.length, moves: input.moves } : {}),
        },
      });
      return saved;
    },
    // As savePipelineVersion: concurrent saves of one pipeline wait for each other's row lock.
    { maxWait: 15_000, timeout: 30_000 },
  );
}
