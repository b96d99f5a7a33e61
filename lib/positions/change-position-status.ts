// Moves a position to another status: one event and, for a position advertised on SEEK, exactly one
// PositionStatusUpdate outbox row. Profile ids past their 180-day life are left out; when all are,
// the row is written expired (seek-api notes: SEEK would ignore it).
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery } from "../delivery/enqueue/enqueue-delivery";
import { identifierExpiresAt, isExpired } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { WriteResult } from "../events/write-result";
import { planStatusChange } from "../pipelines/plan-status-change";
import { positionStatusSignal } from "../signals/build-signal";

export async function changePositionStatus(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { positionId: string; statusKey: string; occurredAt?: Date },
  now: Date = new Date(),
): Promise<WriteResult> {
  rejectFutureTime(input.occurredAt, now, "occurredAt");
  const found = await tx.position.findFirst({
    where: inScope(scope, { externalId: input.positionId }),
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND", `No position with id ${input.positionId}.`);
  await tx.$queryRaw`SELECT id FROM "Position" WHERE id = ${found.id} FOR UPDATE`;
  const position = await tx.position.findUniqueOrThrow({
    where: { id: found.id },
    include: { seekProfiles: { where: { removedAt: null }, orderBy: { firstSeenAt: "asc" } } },
  });
  if (!position.pipelineId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${input.positionId} has no position pipeline; set "pipeline" on the position first.`,
    );
  }
  const occurredAt = input.occurredAt ?? now;
  const { version, current, previous } = await planStatusChange(tx, scope, {
    pipelineId: position.pipelineId,
    statusKey: input.statusKey,
    occurredAt,
    from: position,
    subject: `Position ${input.positionId}`,
  });
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: "PositionStatusChanged",
      positionId: position.id,
      versionId: version.versionId,
      fromStatusKey: position.currentStatusKey,
      fromVersionId: position.currentVersionId,
      fromOccurredAt: position.currentStatusAt,
      toStatusKey: input.statusKey,
      occurredAt,
      actor: scope.actor,
    },
  });
  await tx.position.update({
    where: { id: position.id },
    data: { currentStatusKey: input.statusKey, currentVersionId: version.versionId, currentStatusAt: occurredAt },
  });
  if (position.seekProfiles.length === 0) return { id: event.id, deliveries: [] };

  const live = position.seekProfiles.filter((p) => !isExpired(identifierExpiresAt(p.firstSeenAt), now));
  const sent = live.length > 0 ? live : position.seekProfiles;
  const newest = sent.reduce((a, b) => (a.firstSeenAt > b.firstSeenAt ? a : b));
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "seek-signal",
      kind: "PositionStatusUpdate",
      destination: "seek",
      payload: positionStatusSignal(
        sent.map((p) => p.profileId),
        current,
        previous,
      ),
      occurredAt,
      expiresAt: identifierExpiresAt(newest.firstSeenAt),
      positionId: position.id,
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}
