// Deletes a process history item. When its create has never been attempted, SEEK has never seen the item:
// the create, its queued updates and the delete cancel out, and the rows say so. Otherwise the delete
// is queued behind them under the item's ordering key.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery } from "../delivery/enqueue/enqueue-delivery";
import { AppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import { HISTORY_DEADLINE_MS, type HistoryDeliveryPayload, historyOrderingKey } from "./build-history-item";
import { findSeekCandidate } from "./put-history-item";

export async function deleteHistoryItem(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { candidateId: string; idempotencyId: string },
  now: Date = new Date(),
): Promise<WriteResult & { cancelledOut?: boolean }> {
  const candidate = await findSeekCandidate(tx, scope, input.candidateId);
  const item = await tx.candidateHistoryItem.findUnique({
    where: { candidateId_idempotencyId: { candidateId: candidate.id, idempotencyId: input.idempotencyId } },
  });
  if (!item || item.deletedAt)
    throw new AppError("NOT_FOUND", `No history item ${input.idempotencyId} for candidate ${input.candidateId}.`);
  await tx.candidateHistoryItem.update({ where: { id: item.id }, data: { deletedAt: now } });
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: "HistoryItemDeleted",
      candidateId: candidate.id,
      occurredAt: now,
      actor: scope.actor,
      data: { idempotencyId: input.idempotencyId },
    },
  });

  const orderingKey = historyOrderingKey(candidate.id, input.idempotencyId);
  // Lock the item's queued rows so a worker cannot claim the create while we decide.
  const queued = await tx.$queryRaw<{ id: string; kind: string; state: string; attempts: number }[]>`
    SELECT id, kind, state::text AS state, attempts FROM "Delivery" WHERE "orderingKey" = ${orderingKey} ORDER BY seq FOR UPDATE`;
  const create = queued.find((row) => row.kind === "HistoryCreate");
  const neverSent = create && create.state === "pending" && create.attempts === 0;
  if (neverSent) {
    const pendingIds = queued.filter((row) => row.state === "pending" && row.attempts === 0).map((row) => row.id);
    await tx.delivery.updateMany({
      where: { id: { in: pendingIds } },
      data: {
        state: "cancelled",
        lastErrorCode: "CANCELLED_OUT",
        lastError: `Deleted before it was ever sent (event ${event.id}): SEEK never needs to see this item.`,
      },
    });
    return { id: event.id, deliveries: [], cancelledOut: true };
  }
  const payload: HistoryDeliveryPayload = {
    operation: "delete",
    candidateProfileId: candidate.seekCandidateProfileId,
    idempotencyId: input.idempotencyId,
    historyItemId: item.id,
  };
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "seek-history",
      kind: "HistoryDelete",
      destination: "seek",
      payload,
      occurredAt: now,
      orderingKey,
      dueBy: new Date(now.getTime() + HISTORY_DEADLINE_MS),
      candidateId: candidate.id,
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}
