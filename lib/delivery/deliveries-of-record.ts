// The deliveries about one application or position, as hirers see them: which board, what kind, where it
// stands. Never the payload, the attempts or the errors: those are delivery internals (and the payload
// holds the seek-token), shown only on the admins' delivery pages.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { DeliveryState } from "../generated/prisma/enums";

export type TRecordDelivery = {
  id: string;
  channel: string;
  kind: string;
  state: DeliveryState;
  createdAt: Date;
  deliveredAt: Date | null;
};

/** An application's deliveries, or a position's own (not those of its applications). */
export type TDeliveriesOf = { applicationId: string } | { positionId: string };

const MAX_ROWS = 200;

export async function listDeliveriesOfRecord(
  db: DbOrTx,
  scope: TOrganizationScope,
  of: TDeliveriesOf,
): Promise<TRecordDelivery[]> {
  const where =
    "applicationId" in of ? { applicationId: of.applicationId } : { positionId: of.positionId, applicationId: null };
  return db.delivery.findMany({
    where: inScope(scope, where),
    orderBy: { seq: "desc" },
    take: MAX_ROWS,
    select: { id: true, channel: true, kind: true, state: true, createdAt: true, deliveredAt: true },
  });
}
