// Creates or replaces a position. Its pipelines must exist in the same organization with the right kind.
// SEEK position profile ids keep the time they were first seen: their 180-day life starts there.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import type { TPositionInput } from "./position-input";

async function pipelineIdFor(
  tx: DbTx,
  scope: TOrganizationScope,
  key: string | undefined,
  kind: "application" | "position",
  field: string,
): Promise<string | null> {
  if (!key) return null;
  const pipeline = await tx.pipeline.findFirst({ where: inScope(scope, { key }) });
  if (!pipeline)
    throw new AppError("UNPROCESSABLE", `No pipeline "${key}". Create it with PUT /api/v1/pipelines/${key} first.`, [
      { path: field, message: "unknown pipeline", code: "invalid_value" },
    ]);
  if (pipeline.kind !== kind) {
    throw new AppError(
      "UNPROCESSABLE",
      `Pipeline "${key}" is a ${pipeline.kind} pipeline; "${field}" needs a ${kind} pipeline.`,
      [{ path: field, message: `expected a ${kind} pipeline`, code: "invalid_value" }],
    );
  }
  return pipeline.id;
}

export async function upsertPosition(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { positionId: string; body: TPositionInput },
  now: Date = new Date(),
): Promise<WriteResult> {
  const { organizationId } = scope; // for the rows this creates
  const { body } = input;
  const pipelineId = await pipelineIdFor(tx, scope, body.pipeline, "position", "pipeline");
  const applicationPipelineId = await pipelineIdFor(
    tx,
    scope,
    body.applicationPipeline,
    "application",
    "applicationPipeline",
  );
  const position = await tx.position.upsert({
    where: { organizationId_externalId: { organizationId, externalId: input.positionId } },
    create: {
      organizationId,
      externalId: input.positionId,
      title: body.title,
      pipelineId,
      applicationPipelineId,
      applyUrl: body.applyUrl,
    },
    update: { title: body.title, pipelineId, applicationPipelineId, applyUrl: body.applyUrl },
  });

  const wanted = [...new Set(body.seekPositionProfileIds)];
  await tx.seekPositionProfile.updateMany({
    where: { positionId: position.id, profileId: { notIn: wanted }, removedAt: null },
    data: { removedAt: now },
  });
  for (const profileId of wanted) {
    await tx.seekPositionProfile.upsert({
      where: { positionId_profileId: { positionId: position.id, profileId } },
      create: { positionId: position.id, profileId, firstSeenAt: now },
      update: { removedAt: null },
    });
  }
  const event = await tx.event.create({
    data: {
      organizationId,
      type: "PositionUpserted",
      positionId: position.id,
      occurredAt: now,
      actor: scope.actor,
      data: body,
    },
  });
  return { id: event.id, deliveries: [] };
}
