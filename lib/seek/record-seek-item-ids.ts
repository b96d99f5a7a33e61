// After a history create (or an update that had to re-create) is delivered, SEEK's id for the item is
// kept on our CandidateHistoryItem, in the same transaction that marks the delivery delivered: later
// updates and deletes of the item address it by that id (seed 003).
//
// One statement for the whole batch: it runs inside the transaction that records the batch's outcomes,
// and one statement per item (as this was) made recording a batch of ten history items cost ten round
// trips while the worker held the transaction open.
import type { DeliveredResult, DeliveredTx } from "../delivery/channel";
import type { HistoryDeliveryPayload } from "../history/build-history-item";

type SeekItemIdRow = {
  deliveryId: string;
  organizationId: string;
  /** our item's id: an update names it; a create finds it by its candidate and idempotency id */
  historyItemId: string | null;
  idempotencyId: string;
  candidateProfileId: string;
  seekItemId: string;
};

/** The delivered results that tell SEEK's id of one of our items, in batch order. */
function seekItemIdRows(delivered: DeliveredResult[]): SeekItemIdRow[] {
  return delivered.flatMap(({ delivery, result }) => {
    const payload = delivery.payload as HistoryDeliveryPayload;
    if (typeof result.seekItemId !== "string" || payload.operation === "delete") return [];
    return [
      {
        deliveryId: delivery.id,
        organizationId: delivery.organizationId,
        historyItemId: payload.operation === "update" ? payload.historyItemId : null,
        idempotencyId: payload.idempotencyId,
        candidateProfileId: payload.candidateProfileId,
        seekItemId: result.seekItemId,
      },
    ];
  });
}

export async function recordSeekItemIds(tx: DeliveredTx, delivered: DeliveredResult[], now: Date): Promise<void> {
  const rows = seekItemIdRows(delivered);
  if (rows.length === 0) return;
  const column = <K extends keyof SeekItemIdRow>(key: K) => rows.map((row) => row[key]);
  // A create's item is the one of the delivery's candidate (Delivery.candidateId, written with it) with
  // its idempotency id, while that candidate still has the SEEK profile the create was sent to. Every
  // lookup is by a key (primary, or the item's unique (candidateId, idempotencyId)). When one batch tells
  // an item's id twice (its create, then its update), the later one wins, as it would sent one by one.
  await tx.$executeRaw`
    WITH v AS (
      SELECT * FROM unnest(
        ${column("deliveryId")}::text[], ${column("organizationId")}::text[], ${column("historyItemId")}::text[],
        ${column("idempotencyId")}::text[], ${column("candidateProfileId")}::text[], ${column("seekItemId")}::text[]
      ) WITH ORDINALITY AS v(delivery_id, organization_id, history_item_id, idempotency_id, profile_id, seek_item_id, n)
    ),
    told AS (
      SELECT h.id, v.seek_item_id, v.n
      FROM v JOIN "CandidateHistoryItem" h ON h.id = v.history_item_id AND h."organizationId" = v.organization_id
      UNION ALL
      SELECT h.id, v.seek_item_id, v.n
      FROM v
      JOIN "Delivery" d ON d.id = v.delivery_id
      JOIN "CandidateHistoryItem" h ON h."candidateId" = d."candidateId" AND h."idempotencyId" = v.idempotency_id
                                   AND h."organizationId" = v.organization_id
      JOIN "Candidate" c ON c.id = h."candidateId" AND c."seekCandidateProfileId" = v.profile_id
      WHERE v.history_item_id IS NULL
    ),
    latest AS (SELECT DISTINCT ON (id) id, seek_item_id FROM told ORDER BY id, n DESC)
    UPDATE "CandidateHistoryItem" h SET "seekItemId" = latest.seek_item_id, "updatedAt" = ${now}
    FROM latest WHERE h.id = latest.id`;
}
