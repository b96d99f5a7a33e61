// The one read path for deliveries: the v1 API (an API key's organization) and the admin dashboard (every
// organization, or one) list and open rows through these functions, scoped by lib/data/scope. The API
// shows rows as stored (its caller sent the payload); the dashboard presents them through
// admin-delivery-*.ts, which redacts them for a browser.
import { z } from "zod";
import { inScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { CHANNELS } from "../delivery/channel";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";
import type { DeliveryState } from "../generated/prisma/enums";
import { redactSecrets } from "../redaction/redact-secrets";
import { DELIVERY_STATES } from "./delivery-log-filter";
import { deliveryLogWhere } from "./delivery-log-where";
import type { TResolvedLogFilter } from "./resolve-log-filter";

export { DELIVERY_STATES };

export const ZDeliveryListQuery = z
  .object({
    state: z.enum(DELIVERY_STATES).optional(),
    channel: z.enum(CHANNELS).optional(),
    cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type TDeliveryListQuery = z.infer<typeof ZDeliveryListQuery>;
/** The API's filters, plus an organization for callers that see more than one. */
export type TDeliveryListFilter = TDeliveryListQuery & { organizationId?: string };

const SUMMARY_SELECT = {
  id: true,
  seq: true,
  organizationId: true,
  channel: true,
  kind: true,
  state: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  lastErrorCode: true,
  tokenPrefix: true,
  occurredAt: true,
  createdAt: true,
  deliveredAt: true,
} satisfies Prisma.DeliverySelect;

type TSummaryRecord = {
  id: string;
  seq: bigint;
  organizationId: string;
  channel: string;
  kind: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  lastErrorCode: string | null;
  tokenPrefix: string | null;
  occurredAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
};

const SUMMARY_COLUMNS = Prisma.raw(
  Object.keys(SUMMARY_SELECT)
    .map((column) => `"${column}"`)
    .join(", "),
);

export type TLogPage = { cursor?: string; limit: number };

/**
 * One page of the log, newest first, keyset on seq (unique, insertion order): `cursor` is the last seq of the
 * previous page, so a page is an index walk from there whatever the table's size, and rows arriving between
 * two loads never shift or repeat a row. Exported so tests can EXPLAIN exactly what the page runs.
 */
export function deliveryLogPageSql(scope: TScope, filter: TResolvedLogFilter, page: TLogPage): Prisma.Sql {
  const cursor = page.cursor ? [Prisma.sql`seq < ${BigInt(page.cursor)}`] : [];
  return Prisma.sql`SELECT ${SUMMARY_COLUMNS} FROM "Delivery" ${deliveryLogWhere(scope, filter, cursor)}
    ORDER BY seq DESC LIMIT ${page.limit + 1}`;
}

/** The log's page for an already resolved filter (lib/delivery-log/resolve-log-filter.ts). */
export async function listResolvedDeliveries(db: DbOrTx, scope: TScope, filter: TResolvedLogFilter, page: TLogPage) {
  const rows = await db.$queryRaw<TSummaryRecord[]>(deliveryLogPageSql(scope, filter, page));
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    // Error texts are passed through redactSecrets: a message echoing a credential must not leave the server.
    deliveries: shown.map(({ seq: _seq, lastError, ...row }) => ({ ...row, lastError: redactSecrets(lastError) })),
    nextCursor: rows.length > page.limit && last ? last.seq.toString() : null,
  };
}

/** GET /api/v1/deliveries and the simple filters: state, channel, organization. */
export async function listDeliveries(db: DbOrTx, scope: TScope, query: TDeliveryListFilter) {
  return listResolvedDeliveries(
    db,
    scope,
    { organizationId: query.organizationId, state: query.state, channel: query.channel },
    { cursor: query.cursor, limit: query.limit },
  );
}

export type TDeliverySummary = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

const DETAIL_SELECT = {
  ...SUMMARY_SELECT,
  destination: true,
  payload: true,
  leaseOwner: true,
  leaseExpiresAt: true,
  orderingKey: true,
  dueBy: true,
  expiresAt: true,
  eventId: true,
  applicationId: true,
  positionId: true,
  candidateId: true,
  updatedAt: true,
  organization: { select: { name: true, slug: true } },
  attemptLog: {
    // Oldest first, so the newest attempt is last, like a log; id breaks ties within one batch.
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      requestId: true,
      workerId: true,
      startedAt: true,
      durationMs: true,
      httpStatus: true,
      outcome: true,
      errorCodes: true,
      errorMessage: true,
      batchSize: true,
      // the request, stored once for every delivery it carried (docs/decisions/0083)
      request: { select: { requestBody: true, responseBody: true } },
    },
  },
} satisfies Prisma.DeliverySelect;

/** One delivery with everything known about it, attempts oldest first; NOT_FOUND outside the scope. */
export async function findDeliveryDetail(db: DbOrTx, scope: TScope, id: string) {
  const row = await db.delivery.findFirst({ where: inScope(scope, { id }), select: DETAIL_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No delivery ${id}.`);
  return row;
}

export type TDeliveryDetailRow = Awaited<ReturnType<typeof findDeliveryDetail>>;

/** GET /api/v1/deliveries/:id — state and attempts as stored, for the organization that sent it. */
export async function getDelivery(db: DbOrTx, scope: TScope, id: string) {
  const row = await findDeliveryDetail(db, scope, id);
  return {
    delivery: {
      id: row.id,
      organizationId: row.organizationId,
      channel: row.channel,
      kind: row.kind,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      lastError: row.lastError,
      lastErrorCode: row.lastErrorCode,
      tokenPrefix: row.tokenPrefix,
      occurredAt: row.occurredAt,
      createdAt: row.createdAt,
      deliveredAt: row.deliveredAt,
      payload: row.payload,
      attemptLog: row.attemptLog.map((attempt) => ({
        requestId: attempt.requestId,
        startedAt: attempt.startedAt,
        durationMs: attempt.durationMs,
        httpStatus: attempt.httpStatus,
        outcome: attempt.outcome,
        errorCodes: attempt.errorCodes,
        errorMessage: attempt.errorMessage,
        batchSize: attempt.batchSize,
      })),
    },
  };
}
