// The deliveries about one application or position, as hirers see them: which board, what kind, where it
// stands, and for a failed one the plain-words hint of what can be done (lib/delivery-log/error-hints).
// Never the payload, the attempts or the error messages: those are delivery internals (and the payload
// holds the seek-token), shown only on the admins' delivery pages.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { hintForError } from "../format/error-hints";
import type { DeliveryState } from "../generated/prisma/enums";

export type TRecordDelivery = {
  id: string;
  channel: string;
  kind: string;
  state: DeliveryState;
  createdAt: Date;
  deliveredAt: Date | null;
  /** for a failed, dead or expired delivery: what the ATS or hirer can do about it */
  hint: string | null;
};

/** An application's deliveries, or a position's own (not those of its applications). */
export type TDeliveriesOf = { applicationId: string } | { positionId: string };

const MAX_ROWS = 200;
const SHOWS_HINT: ReadonlySet<DeliveryState> = new Set(["failed", "dead", "expired"]);

export async function listDeliveriesOfRecord(
  db: DbOrTx,
  scope: TOrganizationScope,
  of: TDeliveriesOf,
): Promise<TRecordDelivery[]> {
  const where =
    "applicationId" in of ? { applicationId: of.applicationId } : { positionId: of.positionId, applicationId: null };
  const rows = await db.delivery.findMany({
    where: inScope(scope, where),
    orderBy: { seq: "desc" },
    take: MAX_ROWS,
    select: {
      id: true,
      channel: true,
      kind: true,
      state: true,
      createdAt: true,
      deliveredAt: true,
      lastErrorCode: true,
      lastError: true,
    },
  });
  return rows.map(({ lastErrorCode, lastError, ...row }) => ({
    ...row,
    hint: SHOWS_HINT.has(row.state) ? hintForError(lastErrorCode, lastError) : null,
  }));
}
