// The records a pipeline version would strand, and moving them. Applications follow their position's
// application pipeline; positions their own pipeline. A record is stranded when its current status key
// is not in the new version, whichever version it was recorded with.

import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { WriteResult } from "../events/write-result";
import type { TStrandedStatus } from "../pipelines/plan-stranded-moves";
import { changeStatus } from "./change-statuses";

type TPipelineRef = { id: string; kind: string; organizationId: string };

export async function countStrandedRecords(
  tx: DbTx,
  pipeline: TPipelineRef,
  newKeys: ReadonlySet<string>,
): Promise<TStrandedStatus[]> {
  const currentStatusKey = { notIn: [...newKeys] };
  const groups =
    pipeline.kind === "application"
      ? await tx.application.groupBy({
          by: ["currentStatusKey"],
          where: {
            organizationId: pipeline.organizationId,
            position: { applicationPipelineId: pipeline.id },
            currentStatusKey,
          },
          _count: { _all: true },
        })
      : await tx.position.groupBy({
          by: ["currentStatusKey"],
          where: { organizationId: pipeline.organizationId, pipelineId: pipeline.id, currentStatusKey },
          _count: { _all: true },
        });
  return groups
    .filter((g): g is typeof g & { currentStatusKey: string } => g.currentStatusKey !== null)
    .map((g) => ({ status: g.currentStatusKey, count: g._count._all }))
    .sort((a, b) => a.status.localeCompare(b.status));
}

/**
 * Moves each stranded record as a normal status change (event, signal with `previous`, history item),
 * timed at the save. Call after the new version is current: the change is recorded with it.
 */
export async function moveStrandedRecords(
  tx: DbTx,
  pipeline: TPipelineRef,
  moves: ReadonlyMap<string, string>,
  scope: TOrganizationScope,
  now: Date,
): Promise<WriteResult[]> {
  if (moves.size === 0) return [];
  const from = { in: [...moves.keys()] };
  const organizationId = pipeline.organizationId;
  const records =
    pipeline.kind === "application"
      ? await tx.application.findMany({
          where: { organizationId, position: { applicationPipelineId: pipeline.id }, currentStatusKey: from },
          select: { externalId: true, currentStatusKey: true },
          orderBy: { externalId: "asc" },
        })
      : await tx.position.findMany({
          where: { organizationId, pipelineId: pipeline.id, currentStatusKey: from },
          select: { externalId: true, currentStatusKey: true },
          orderBy: { externalId: "asc" },
        });
  const results: WriteResult[] = [];
  for (const record of records) {
    const change = { statusKey: moves.get(record.currentStatusKey!)!, occurredAt: now };
    results.push(
      pipeline.kind === "application"
        ? await changeStatus(tx, scope, { ...change, applicationId: record.externalId }, now)
        : await changeStatus(tx, scope, { ...change, positionId: record.externalId }, now),
    );
  }
  return results;
}
