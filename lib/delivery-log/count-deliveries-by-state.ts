// How many deliveries are in each state, for the dashboard's state chips: the log's whole filter except
// its state (so the chips show the whole picture). Every state is present (zero when empty).
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { Prisma } from "../generated/prisma/client";
import type { DeliveryState } from "../generated/prisma/enums";
import type { TStateCounts } from "./admin-delivery-types";
import { DELIVERY_STATES } from "./delivery-log-filter";
import { deliveryLogWhere } from "./delivery-log-where";
import type { TResolvedLogFilter } from "./resolve-log-filter";

export async function countDeliveriesByState(
  db: DbOrTx,
  scope: TScope,
  filter: TResolvedLogFilter,
): Promise<TStateCounts> {
  const { state: _state, ...withoutState } = filter;
  const groups = await db.$queryRaw<{ state: DeliveryState; count: number }[]>(
    Prisma.sql`SELECT state, count(*)::int AS count FROM "Delivery" ${deliveryLogWhere(scope, withoutState)} GROUP BY state`,
  );
  const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as TStateCounts;
  for (const group of groups) counts[group.state] = group.count;
  return counts;
}
