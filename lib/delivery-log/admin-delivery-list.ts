// The admin deliveries listing: every organization's rows (or one organization's), newest first, with
// the counts by state, as plain JSON for the page's first render and for its polling route.
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { TAdminDeliveryListRow, TAdminDeliveryPage, TAdminDeliveryRow } from "./admin-delivery-types";
import { describeSearch } from "./classify-search";
import { countDeliveriesByState } from "./count-deliveries-by-state";
import { filterOf, type TDeliveryLogQuery } from "./delivery-log-filter";
import { listResolvedDeliveries, type TDeliverySummary } from "./delivery-views";
import { summarizeError } from "./describe-change";
import { contextOf, readRowContext } from "./read-row-context";
import { resolveLogFilter } from "./resolve-log-filter";

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
  query: TDeliveryLogQuery,
  now: Date = new Date(),
): Promise<TAdminDeliveryPage> {
  const filter = await resolveLogFilter(db, scope, filterOf(query));
  const [page, counts] = await Promise.all([
    listResolvedDeliveries(db, scope, filter, { cursor: query.cursor, limit: query.limit }),
    countDeliveriesByState(db, scope, filter),
  ]);
  const contexts = await readRowContext(
    db,
    scope,
    page.deliveries.map((row) => row.id),
  );
  const deliveries: TAdminDeliveryListRow[] = page.deliveries.map((row) => ({
    ...toAdminRow(row),
    ...contextOf(contexts, row.id),
    errorSummary: row.state === "delivered" ? null : summarizeError(row.lastErrorCode, row.lastError),
  }));
  return {
    deliveries,
    nextCursor: page.nextCursor,
    counts,
    searchedFor: filter.search ? describeSearch(filter.search.plan) : null,
    generatedAt: now.toISOString(),
  };
}
