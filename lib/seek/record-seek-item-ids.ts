// After a history create (or an update that had to re-create) is delivered, SEEK's id for the item is
// kept on our CandidateHistoryItem, in the same transaction that marks the delivery delivered: later
// updates and deletes of the item address it by that id (seed 003).
import type { DeliveredResult, DeliveredTx } from "../delivery/channel";
import type { HistoryDeliveryPayload } from "../history/build-history-item";

export async function recordSeekItemIds(tx: DeliveredTx, delivered: DeliveredResult[]): Promise<void> {
  for (const { delivery, result } of delivered) {
    const seekItemId = result.seekItemId;
    const payload = delivery.payload as HistoryDeliveryPayload;
    if (typeof seekItemId !== "string" || payload.operation === "delete") continue;
    const where =
      payload.operation === "update"
        ? { id: payload.historyItemId, organizationId: delivery.organizationId }
        : {
            organizationId: delivery.organizationId,
            idempotencyId: payload.idempotencyId,
            candidate: { seekCandidateProfileId: payload.candidateProfileId },
          };
    await tx.candidateHistoryItem.updateMany({ where, data: { seekItemId } });
  }
}
