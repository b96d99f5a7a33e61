// Loads positions of one organization by the ATS's ids and locks their rows for the rest of the
// transaction, so concurrent status changes see each other's "previous" state. Two statements for one
// position or a whole batch: the locked rows with their pipeline's key and current version id, then
// their live SEEK profiles (a status signal names them, and each profile's age decides its expiry).
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { Prisma } from "../generated/prisma/client";

export type PositionForUpdate = {
  id: string;
  /** the row version read (PostgreSQL's xmin): a write may require the row to be still this version */
  version: string;
  externalId: string;
  pipelineId: string | null;
  /** the pipeline's key and current version id, read in the same statement (null: no such pipeline) */
  pipeline: { key: string; currentVersionId: string | null } | null;
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
  /** live profiles, the first seen first */
  seekProfiles: { profileId: string; firstSeenAt: Date }[];
};

type Row = Omit<PositionForUpdate, "pipeline" | "seekProfiles"> & {
  pipelineKey: string | null;
  pipelineVersionId: string | null;
};

/**
 * The organization's positions with these ids, by id; an unknown id is simply absent. Locked unless
 * `lock: false` (a caller outside a transaction, whose write checks each row's `version` instead).
 */
export async function findPositionsForUpdate(
  tx: DbTx,
  scope: TOrganizationScope,
  externalIds: readonly string[],
  options: { lock: boolean } = { lock: true },
): Promise<Map<string, PositionForUpdate>> {
  if (externalIds.length === 0) return new Map();
  // Raw SQL, so the scope's condition is written out here, on every table read; locked in id order.
  const rows = await tx.$queryRaw<Row[]>`
    SELECT p.id, p.xmin::text AS version, p."externalId", p."pipelineId", p."currentStatusKey", p."currentVersionId", p."currentStatusAt",
           pl.key AS "pipelineKey", pl."currentVersionId" AS "pipelineVersionId"
    FROM "Position" p
    LEFT JOIN "Pipeline" pl ON pl.id = p."pipelineId" AND pl."organizationId" = ${scope.organizationId}
    WHERE p."organizationId" = ${scope.organizationId} AND p."externalId" = ANY(${[...new Set(externalIds)]}::text[])
    ORDER BY p.id
    ${options.lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
  if (rows.length === 0) return new Map();
  // The profiles of positions just read in scope.
  const profiles = await tx.seekPositionProfile.findMany({
    where: { positionId: { in: rows.map((r) => r.id) }, removedAt: null },
    select: { positionId: true, profileId: true, firstSeenAt: true },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
  });
  return new Map(
    rows.map(({ pipelineKey, pipelineVersionId, ...row }) => [
      row.externalId,
      {
        ...row,
        pipeline: pipelineKey !== null ? { key: pipelineKey, currentVersionId: pipelineVersionId } : null,
        seekProfiles: profiles
          .filter((p) => p.positionId === row.id)
          .map(({ profileId, firstSeenAt }) => ({ profileId, firstSeenAt })),
      },
    ]),
  );
}
