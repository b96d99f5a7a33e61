// The admin deliveries listing: every organization's rows (or one organization's), newest first, with
// the counts by state, as plain JSON for the page's first render and for its polling route.
import { z } from "zod";
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TAdminDeliveryPage, TAdminDeliveryRow } from "./admin-delivery-types";
import { countDeliveriesByState } from "./count-deliveries-by-state";
import { listDeliveries, type TDeliverySummary, ZDeliveryListQuery } from "./delivery-views";

// A filter form's "any" option submits an empty value: that means "no filter", not an invalid one.
const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value);

/** The page's URL query (?state=&channel=&organization=&cursor=&limit=), also the polling route's. */
export const ZAdminDeliveryListQuery = z.preprocess(
  (value) =>
    value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankAsAbsent(item)]))
      : value,
  ZDeliveryListQuery.extend({
    organization: z.string().max(100).optional(),
  }).strict(),
);

export type TAdminDeliveryListQuery = z.infer<typeof ZAdminDeliveryListQuery>;

/** Picks the row's fields one by one: a wider row (a detail read, with its payload) passes nothing else on. */
export function toAdminRow(row: TDeliverySummary): TAdminDeliveryRow {
  return {
    id: row.id,
    organizationId: row.organizationId,
    channel: row.channel,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    tokenPrefix: row.tokenPrefix,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

export async function readAdminDeliveryPage(
  db: DbOrTx,
  scope: TScope,
  query: TAdminDeliveryListQuery,
  now: Date = new Date(),
): Promise<TAdminDeliveryPage> {
  const { organization, ...filter } = query;
  const [page, counts] = await Promise.all([
    listDeliveries(db, scope, { ...filter, organizationId: organization }),
    countDeliveriesByState(db, scope, { channel: filter.channel, organizationId: organization }),
  ]);
  return {
    deliveries: page.deliveries.map(toAdminRow),
    nextCursor: page.nextCursor,
    counts,
    generatedAt: now.toISOString(),
  };
}
