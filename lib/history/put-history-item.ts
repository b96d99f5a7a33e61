// Creates a process history item the first time, replaces it afterwards. Operations on one item are
// queued under one ordering key, so an update never overtakes its create (lib/delivery claims in order).
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery } from "../delivery/enqueue/enqueue-delivery";
import { AppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { WriteResult } from "../events/write-result";
import {
  buildHistoryItem,
  HISTORY_DEADLINE_MS,
  type HistoryDeliveryPayload,
  historyOrderingKey,
} from "./build-history-item";
import type { THistoryItemInput } from "./history-item-input";

export async function findSeekCandidate(tx: DbTx, scope: TOrganizationScope, externalId: string) {
  const candidate = await tx.candidate.findFirst({ where: inScope(scope, { externalId }) });
  if (!candidate)
    throw new AppError(
      "NOT_FOUND",
      `No candidate with id ${externalId}. Create it with PUT /api/v1/candidates/${externalId}.`,
    );
  if (!candidate.seekCandidateProfileId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Candidate ${externalId} has no seekCandidateProfileId: SEEK keeps interaction history only for candidates uploaded to SEEK.`,
    );
  }
  return { ...candidate, seekCandidateProfileId: candidate.seekCandidateProfileId };
}

async function positionProfileFor(tx: DbTx, scope: TOrganizationScope, positionId: string): Promise<string> {
  const position = await tx.position.findFirst({
    where: inScope(scope, { externalId: positionId }),
    include: { seekProfiles: { where: { removedAt: null }, orderBy: { firstSeenAt: "desc" }, take: 1 } },
  });
  if (!position)
    throw new AppError("UNPROCESSABLE", `No position with id ${positionId}.`, [
      { path: "positionId", message: "unknown position", code: "invalid_value" },
    ]);
  const profile = position.seekProfiles[0];
  if (!profile) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${positionId} has no SEEK position profile id, so SEEK cannot place this interaction.`,
      [{ path: "positionId", message: "position has no seekPositionProfileIds", code: "invalid_value" }],
    );
  }
  return profile.profileId;
}

export async function putHistoryItem(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { candidateId: string; idempotencyId: string; body: THistoryItemInput },
  now: Date = new Date(),
): Promise<WriteResult> {
  rejectFutureTime(input.body.actionDate, now, "actionDate");
  const candidate = await findSeekCandidate(tx, scope, input.candidateId);
  const { body } = input;
  const item = buildHistoryItem({
    action: body.action,
    actionDate: body.actionDate,
    person: { given: candidate.givenName, family: candidate.familyName },
    positionProfileId: body.positionId ? await positionProfileFor(tx, scope, body.positionId) : undefined,
    seekSource: body.seekSource,
    status: body.status,
  });
  const existing = await tx.candidateHistoryItem.findUnique({
    where: { candidateId_idempotencyId: { candidateId: candidate.id, idempotencyId: input.idempotencyId } },
  });
  if (existing?.deletedAt) {
    throw new AppError(
      "CONFLICT",
      `History item ${input.idempotencyId} was deleted; SEEK keeps its idempotency id, so use a new one.`,
    );
  }
  const record = existing
    ? await tx.candidateHistoryItem.update({ where: { id: existing.id }, data: { data: item } })
    : await tx.candidateHistoryItem.create({
        data: {
          organizationId: scope.organizationId,
          candidateId: candidate.id,
          idempotencyId: input.idempotencyId,
          data: item,
        },
      });
  const operation = existing ? "update" : "create";
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: existing ? "HistoryItemUpdated" : "HistoryItemCreated",
      candidateId: candidate.id,
      occurredAt: now,
      actor: scope.actor,
      data: { idempotencyId: input.idempotencyId },
    },
  });
  const payload: HistoryDeliveryPayload =
    operation === "create"
      ? { operation, candidateProfileId: candidate.seekCandidateProfileId, idempotencyId: input.idempotencyId, item }
      : {
          operation,
          candidateProfileId: candidate.seekCandidateProfileId,
          idempotencyId: input.idempotencyId,
          historyItemId: record.id,
          item,
        };
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "seek-history",
      kind: operation === "create" ? "HistoryCreate" : "HistoryUpdate",
      destination: "seek",
      payload,
      occurredAt: now,
      orderingKey: historyOrderingKey(candidate.id, input.idempotencyId),
      dueBy: new Date(now.getTime() + HISTORY_DEADLINE_MS),
      candidateId: candidate.id,
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}
