// How many deliveries are in each state, for the dashboard's state filter. Every state is present (zero
// when empty) so the page can show the whole picture at a glance.
import { inScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TStateCounts } from "./admin-delivery-types";
import { DELIVERY_STATES } from "./delivery-views";

export async function countDeliveriesByState(
  db: DbOrTx,
  scope: TScope,
  filter: { channel?: string; organizationId?: string },
): Promise<TStateCounts> {
  const groups = await db.delivery.groupBy({
    by: ["state"],
    where: inScope(scope, {
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      ...(filter.channel ? { channel: filter.channel } : {}),
    }),
    _count: { _all: true },
  });
  const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as TStateCounts;
  for (const group of groups) counts[group.state] = group._count._all;
  return counts;
}
