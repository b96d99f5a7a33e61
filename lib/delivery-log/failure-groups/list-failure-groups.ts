// Failed and dead deliveries grouped the way an admin fixes them: by organization, channel and error code
// (like Hookdeck's Issues). Each group has its count (failed and dead apart), when it was first and last
// seen (the rows' last change, which for a terminal row is when it gave up), a sample row with its error,
// and the admin's mark. One GROUP BY over the (state, …) index, then one read of the samples.
import { inScope, organizationsInScope, type TScope } from "../../data/scope";
import type { DbOrTx } from "../../db/tx";
import { Prisma } from "../../generated/prisma/client";
import { redactSecrets } from "../../redaction/redact-secrets";
import { NO_ERROR_CODE } from "../delivery-log-filter";
import { deliveryLogWhere } from "../delivery-log-where";
import { summarizeError } from "../describe-change";
import { groupLogSearch, groupStatus, type TGroupStatus } from "./group-status";

export type TFailureGroup = {
  organizationId: string;
  organizationName: string;
  channel: string;
  /** Delivery.lastErrorCode, or NONE */
  errorCode: string;
  count: number;
  failed: number;
  dead: number;
  firstSeen: string;
  lastSeen: string;
  sample: { deliveryId: string; kind: string; error: string | null };
  status: TGroupStatus;
  mark: { status: string; at: string; byLabel: string } | null;
  /** the log's filter for the group's rows */
  logSearch: Record<string, string>;
};

type TGroupRow = {
  organizationId: string;
  channel: string;
  errorCode: string | null;
  count: number;
  failed: number;
  dead: number;
  firstSeen: Date;
  lastSeen: Date;
  sampleId: string;
};

/** Failed/dead rows, optionally only those that gave up at or after `since`. */
export function failureWhere(scope: TScope, since?: Date): Prisma.Sql {
  const conditions = [Prisma.sql`state IN ('failed'::"DeliveryState", 'dead'::"DeliveryState")`];
  if (since) conditions.push(Prisma.sql`"updatedAt" >= ${since.toISOString()}::timestamp`);
  return deliveryLogWhere(scope, {}, conditions);
}

export async function listFailureGroups(
  db: DbOrTx,
  scope: TScope,
  options: { since?: Date } = {},
): Promise<TFailureGroup[]> {
  const rows = await db.$queryRaw<TGroupRow[]>(
    Prisma.sql`SELECT "organizationId", channel, "lastErrorCode" AS "errorCode", count(*)::int AS count,
        (count(*) FILTER (WHERE state = 'failed'))::int AS failed, (count(*) FILTER (WHERE state = 'dead'))::int AS dead,
        min("updatedAt") AS "firstSeen", max("updatedAt") AS "lastSeen", (array_agg(id ORDER BY seq DESC))[1] AS "sampleId"
      FROM "Delivery" ${failureWhere(scope, options.since)}
      GROUP BY "organizationId", channel, "lastErrorCode"
      ORDER BY max("updatedAt") DESC, count(*) DESC`,
  );
  if (rows.length === 0) return [];
  const organizationIds = [...new Set(rows.map((row) => row.organizationId))];
  const [organizations, samples, marks] = await Promise.all([
    db.organization.findMany({
      where: organizationsInScope(scope, { id: { in: organizationIds } }),
      select: { id: true, name: true },
    }),
    db.delivery.findMany({
      where: inScope(scope, { id: { in: rows.map((row) => row.sampleId) } }),
      select: { id: true, kind: true, lastError: true, lastErrorCode: true },
    }),
    db.failureGroupMark.findMany({ where: inScope(scope, { organizationId: { in: organizationIds } }) }),
  ]);
  const names = new Map(organizations.map((org) => [org.id, org.name]));
  const sampleById = new Map(samples.map((sample) => [sample.id, sample]));
  const markByKey = new Map(
    marks.map((mark) => [`${mark.organizationId}\u0000${mark.channel}\u0000${mark.errorCode}`, mark]),
  );
  return rows.map((row) => {
    const errorCode = row.errorCode ?? NO_ERROR_CODE;
    const mark = markByKey.get(`${row.organizationId}\u0000${row.channel}\u0000${errorCode}`) ?? null;
    const sample = sampleById.get(row.sampleId);
    return {
      organizationId: row.organizationId,
      organizationName: names.get(row.organizationId) ?? row.organizationId,
      channel: row.channel,
      errorCode,
      count: row.count,
      failed: row.failed,
      dead: row.dead,
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
      sample: {
        deliveryId: row.sampleId,
        kind: sample?.kind ?? "",
        // Error texts may echo a credential: redacted before they leave the server.
        error: sample ? summarizeError(sample.lastErrorCode, redactSecrets(sample.lastError)) : null,
      },
      status: groupStatus(mark, row.lastSeen),
      mark: mark ? { status: mark.status, at: mark.at.toISOString(), byLabel: mark.byLabel } : null,
      logSearch: groupLogSearch({ ...row, errorCode }),
    };
  });
}
