// Turns the log's filter into what the Delivery table can be asked directly: ids the ATS uses become
// Signalhouse's own (an ATS id is unique per organization only, so without an organization filter it may
// name one record in each of several organizations: all of them are kept), an X-Request-Id becomes the
// deliveries of that request, and the search term becomes the set of ids it could be. Each lookup is an
// indexed equality on a small table; the listing itself then never joins.
import { inScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import type { DeliveryState } from "../generated/prisma/enums";
import { webhookDestination } from "../webhooks/webhook-events";
import { classifySearch, type TSearchPlan } from "./classify-search";
import { NO_ERROR_CODE, type TDeliveryLogFilter } from "./delivery-log-filter";

/** More than this many records behind one id or one request is not a filter anyone means. */
const LOOKUP_LIMIT = 1000;

export type TResolvedLogFilter = {
  organizationId?: string;
  channel?: string;
  state?: DeliveryState;
  kind?: string;
  /** Delivery.lastErrorCode; null: rows without one */
  errorCode?: string | null;
  from?: Date;
  to?: Date;
  applicationIds?: string[];
  positionIds?: string[];
  candidateIds?: string[];
  /** the destinations of the webhook subscriptions the `webhook` filter names (webhook channel rows) */
  webhookDestinations?: string[];
  search?: {
    plan: TSearchPlan;
    deliveryIds: string[];
    applicationIds: string[];
    tokenPrefix?: TSearchPlan["tokenPrefix"];
  };
};

export async function resolveLogFilter(
  db: DbOrTx,
  scope: TScope,
  filter: TDeliveryLogFilter,
): Promise<TResolvedLogFilter> {
  const org = filter.organization ? { organizationId: filter.organization } : {};
  const byIdOrExternal = (value: string) => inScope(scope, { ...org, OR: [{ id: value }, { externalId: value }] });
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  const plan = filter.q ? classifySearch(filter.q) : null;
  const [applicationIds, positionIds, candidateIds, webhookDestinations, searchApplicationIds, requestDeliveries] =
    await Promise.all([
      filter.application
        ? db.application
            .findMany({ where: byIdOrExternal(filter.application), select: { id: true }, take: LOOKUP_LIMIT })
            .then(ids)
        : undefined,
      filter.position
        ? db.position
            .findMany({ where: byIdOrExternal(filter.position), select: { id: true }, take: LOOKUP_LIMIT })
            .then(ids)
        : undefined,
      filter.candidate
        ? db.candidate
            .findMany({ where: byIdOrExternal(filter.candidate), select: { id: true }, take: LOOKUP_LIMIT })
            .then(ids)
        : undefined,
      filter.webhook
        ? db.webhookSubscription
            .findMany({
              // A partner's webhook (no organization) carries every organization's events: the organization
              // filter narrows its rows, not the lookup.
              where: inScope(scope, {
                webhookId: filter.webhook,
                ...(filter.organization
                  ? { OR: [{ organizationId: filter.organization }, { organizationId: null }] }
                  : {}),
              }),
              select: { id: true },
              take: LOOKUP_LIMIT,
            })
            .then((rows) => rows.map((row) => webhookDestination(row.id)))
        : undefined,
      plan?.applicationId
        ? db.application
            .findMany({ where: byIdOrExternal(plan.applicationId), select: { id: true }, take: LOOKUP_LIMIT })
            .then(ids)
        : [],
      plan?.requestId
        ? db.deliveryAttempt.findMany({
            where: { requestId: plan.requestId },
            select: { deliveryId: true },
            distinct: ["deliveryId"],
            take: LOOKUP_LIMIT,
          })
        : [],
    ]);
  return {
    organizationId: filter.organization,
    channel: filter.channel,
    state: filter.state,
    kind: filter.kind,
    errorCode: filter.error === undefined ? undefined : filter.error === NO_ERROR_CODE ? null : filter.error,
    from: filter.from,
    to: filter.to,
    applicationIds,
    positionIds,
    candidateIds,
    webhookDestinations,
    search: plan
      ? {
          plan,
          deliveryIds: [
            ...new Set([...(plan.deliveryId ? [plan.deliveryId] : []), ...requestDeliveries.map((r) => r.deliveryId)]),
          ],
          applicationIds: searchApplicationIds,
          tokenPrefix: plan.tokenPrefix,
        }
      : undefined,
  };
}
