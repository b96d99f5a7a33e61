// The one WHERE clause of the delivery log: the listing, the CSV export and the bulk retry/cancel all
// select rows through it, so a bulk change can never reach beyond the filter the admin confirmed, and the
// scope's organization is always in it. Every condition is an equality or range on an indexed column
// (prisma/schema.prisma, docs/decisions/0105): with ORDER BY seq DESC the planner walks an index, never the table.
import type { TScope } from "../data/scope";
import { Prisma } from "../generated/prisma/client";
import { WEBHOOK_CHANNEL } from "../webhooks/webhook-events";
import { prefixRange } from "./classify-search";
import type { TResolvedLogFilter } from "./resolve-log-filter";

// Prisma stores DateTime as UTC in a timestamp without zone; an ISO string cast to timestamp drops its "Z",
// so the comparison does not depend on the session's time zone.
const utc = (date: Date) => date.toISOString();

const NOTHING = Prisma.sql`FALSE`;

function anyOf(column: Prisma.Sql, values: string[]): Prisma.Sql {
  if (values.length === 0) return NOTHING;
  if (values.length === 1) return Prisma.sql`${column} = ${values[0]}`;
  return Prisma.sql`${column} IN (${Prisma.join(values)})`;
}

// The index on "tokenPrefix" is in byte order (COLLATE "C", see its migration), so both comparisons say so.
function tokenStartsWith(prefix: string): Prisma.Sql {
  const range = prefixRange(prefix);
  return Prisma.sql`("tokenPrefix" COLLATE "C" >= ${range.from} AND "tokenPrefix" COLLATE "C" < ${range.to})`;
}

function searchCondition(search: NonNullable<TResolvedLogFilter["search"]>): Prisma.Sql {
  const alternatives: Prisma.Sql[] = [];
  if (search.deliveryIds.length > 0) alternatives.push(anyOf(Prisma.sql`id`, search.deliveryIds));
  if (search.applicationIds.length > 0) alternatives.push(anyOf(Prisma.sql`"applicationId"`, search.applicationIds));
  const token = search.tokenPrefix;
  if (token) {
    alternatives.push(
      "equals" in token ? Prisma.sql`"tokenPrefix" COLLATE "C" = ${token.equals}` : tokenStartsWith(token.startsWith),
    );
  }
  if (alternatives.length === 0) return NOTHING;
  return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

export function deliveryLogWhere(scope: TScope, filter: TResolvedLogFilter, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (scope.kind === "organization") conditions.push(Prisma.sql`"organizationId" = ${scope.organizationId}`);
  if (filter.organizationId) conditions.push(Prisma.sql`"organizationId" = ${filter.organizationId}`);
  if (filter.channel) conditions.push(Prisma.sql`channel = ${filter.channel}`);
  if (filter.state) conditions.push(Prisma.sql`state = ${filter.state}::"DeliveryState"`);
  if (filter.kind) conditions.push(Prisma.sql`kind = ${filter.kind}`);
  if (filter.errorCode !== undefined) {
    conditions.push(
      filter.errorCode === null
        ? Prisma.sql`"lastErrorCode" IS NULL`
        : Prisma.sql`"lastErrorCode" = ${filter.errorCode}`,
    );
  }
  if (filter.from) conditions.push(Prisma.sql`"createdAt" >= ${utc(filter.from)}::timestamp`);
  if (filter.to) conditions.push(Prisma.sql`"createdAt" <= ${utc(filter.to)}::timestamp`);
  if (filter.applicationIds) conditions.push(anyOf(Prisma.sql`"applicationId"`, filter.applicationIds));
  if (filter.positionIds) conditions.push(anyOf(Prisma.sql`"positionId"`, filter.positionIds));
  if (filter.candidateIds) conditions.push(anyOf(Prisma.sql`"candidateId"`, filter.candidateIds));
  if (filter.webhookDestinations) {
    // A webhook's rows are all on its channel: saying so lets the walk use the channel's indexes, since
    // destination has none of its own (one more index on every outbox write).
    conditions.push(
      Prisma.sql`channel = ${WEBHOOK_CHANNEL}`,
      anyOf(Prisma.sql`destination`, filter.webhookDestinations),
    );
  }
  if (filter.search) conditions.push(searchCondition(filter.search));
  conditions.push(...extra);
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
