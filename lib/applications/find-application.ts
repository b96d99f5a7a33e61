// Loads applications of one organization by the ATS's ids and locks their rows for the rest of the
// transaction, so concurrent status changes see each other's "previous" state instead of racing (or,
// unlocked, reads each row's version for a write that checks it: lib/status-changes/change-status-alone.ts). One
// statement, for one application or a whole batch of status changes, brings everything a status change
// or completion reads: the application, its candidate, its position, the position's live SEEK profiles,
// its current seek-token capture, and the current version id of the position's application pipeline.
// Through Prisma's include it was five round trips, plus one for the pipeline (docs/decisions/0161),
// and one more for the candidate (0177).
import type { TOrganizationScope } from "../data/scope";
import { prepared } from "../db/prepared-statement";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";

export type ApplicationForUpdate = {
  id: string;
  /** the row version read (PostgreSQL's xmin): a write may require the row to be still this version */
  version: string;
  externalId: string;
  positionId: string;
  candidateId: string | null;
  seekCandidateApplicationProfileId: string | null;
  createdAt: Date;
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
  seekTokenCapture: { id: string; token: string; capturedAt: Date } | null;
  /** the candidate, read in the same statement (what a SEEK history item is built from) */
  candidate: { id: string; givenName: string; familyName: string; seekCandidateProfileId: string | null } | null;
  position: {
    externalId: string;
    applicationPipelineId: string | null;
    /** the pipeline's key and current version id, read in the same statement (null: none saved yet) */
    applicationPipeline: { key: string; currentVersionId: string | null } | null;
    /** live profiles, the first seen first */
    seekProfiles: { profileId: string }[];
  };
};

type Row = {
  id: string;
  version: string;
  externalId: string;
  positionId: string;
  candidateId: string | null;
  seekCandidateApplicationProfileId: string | null;
  createdAt: Date;
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
  captureId: string | null;
  captureToken: string | null;
  capturedAt: Date | null;
  candidateGivenName: string | null;
  candidateFamilyName: string | null;
  seekCandidateProfileId: string | null;
  candidateFound: boolean;
  positionExternalId: string;
  applicationPipelineId: string | null;
  pipelineKey: string | null;
  pipelineVersionId: string | null;
  profileIds: string[];
};

export async function findApplicationForUpdate(
  tx: DbTx,
  scope: TOrganizationScope,
  externalId: string,
): Promise<ApplicationForUpdate> {
  const app = (await findApplicationsForUpdate(tx, scope, [externalId])).get(externalId);
  if (!app) throw new AppError("NOT_FOUND", `No application with id ${externalId}.`);
  return app;
}

/**
 * The organization's applications with these ids, by id; an unknown id is simply absent. Locked unless
 * `lock: false` (a caller outside a transaction, whose write checks each row's `version` instead).
 */
export async function findApplicationsForUpdate(
  tx: DbTx,
  scope: TOrganizationScope,
  externalIds: readonly string[],
  options: { lock: boolean } = { lock: true },
): Promise<Map<string, ApplicationForUpdate>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Row[]>(applicationsForUpdateQuery(scope, externalIds, options));
  return new Map(rows.map((row) => [row.externalId, toApplication(row)]));
}

/** The one statement findApplicationsForUpdate runs (exported for the test of its generic plan). */
export function applicationsForUpdateQuery(
  scope: TOrganizationScope,
  externalIds: readonly string[],
  options: { lock: boolean },
): Prisma.Sql {
  // Raw SQL, so the scope's condition is written out here, on every table read. Rows are locked in id
  // order, so two batches over the same applications queue behind each other instead of deadlocking.
  // One application (a single status change, the API's hot path) is a prepared statement
  // (lib/db/prepared-statement.ts), looked up by equality on the unique (organization, id): its generic
  // plan can be nothing but that lookup, statistics or not. A list keeps ANY() and is planned for its
  // length each time: a generic plan for "some ids" may walk the organization's applications when the
  // statistics lag behind (prepared-statement.int.test.ts). The applications are found first, on their
  // own, which also spares the planner the six-table join order search (~0.5 ms of each run's planning).
  const [only, ...more] = [...new Set(externalIds)];
  if (only === undefined) throw new Error("applicationsForUpdateQuery needs at least one id");
  const which =
    more.length === 0 ? Prisma.sql`"externalId" = ${only}` : Prisma.sql`"externalId" = ANY(${[only, ...more]}::text[])`;
  const statement = Prisma.sql`
    WITH a AS MATERIALIZED (
      SELECT id, xmin::text AS version, "externalId", "positionId", "candidateId", "seekCandidateApplicationProfileId",
             "createdAt", "currentStatusKey", "currentVersionId", "currentStatusAt", "seekTokenCaptureId"
      FROM "Application"
      WHERE "organizationId" = ${scope.organizationId} AND ${which}
      ORDER BY id
      ${options.lock ? Prisma.sql`FOR UPDATE` : Prisma.empty})
    SELECT a.id, a.version, a."externalId", a."positionId", a."candidateId", a."seekCandidateApplicationProfileId", a."createdAt",
           a."currentStatusKey", a."currentVersionId", a."currentStatusAt",
           c.id AS "captureId", c.token AS "captureToken", c."capturedAt",
           cand.id IS NOT NULL AS "candidateFound", cand."givenName" AS "candidateGivenName",
           cand."familyName" AS "candidateFamilyName", cand."seekCandidateProfileId",
           p."externalId" AS "positionExternalId", p."applicationPipelineId",
           pl.key AS "pipelineKey", pl."currentVersionId" AS "pipelineVersionId",
           ARRAY(SELECT s."profileId" FROM "SeekPositionProfile" s
                 WHERE s."positionId" = p.id AND s."removedAt" IS NULL
                 ORDER BY s."firstSeenAt", s.id) AS "profileIds"
    FROM a
    JOIN "Position" p ON p.id = a."positionId" AND p."organizationId" = ${scope.organizationId}
    LEFT JOIN "SeekTokenCapture" c ON c.id = a."seekTokenCaptureId" AND c."organizationId" = ${scope.organizationId}
    LEFT JOIN "Candidate" cand ON cand.id = a."candidateId" AND cand."organizationId" = ${scope.organizationId}
    LEFT JOIN "Pipeline" pl ON pl.id = p."applicationPipelineId" AND pl."organizationId" = ${scope.organizationId}
    ORDER BY a.id`;
  return more.length === 0 ? prepared(statement) : statement;
}

function toApplication(row: Row): ApplicationForUpdate {
  return {
    id: row.id,
    version: row.version,
    externalId: row.externalId,
    positionId: row.positionId,
    candidateId: row.candidateId,
    seekCandidateApplicationProfileId: row.seekCandidateApplicationProfileId,
    createdAt: row.createdAt,
    currentStatusKey: row.currentStatusKey,
    currentVersionId: row.currentVersionId,
    currentStatusAt: row.currentStatusAt,
    seekTokenCapture:
      row.captureId && row.captureToken !== null && row.capturedAt
        ? { id: row.captureId, token: row.captureToken, capturedAt: row.capturedAt }
        : null,
    candidate:
      // Both names are NOT NULL columns: a candidate found has them.
      row.candidateFound && row.candidateId
        ? {
            id: row.candidateId,
            givenName: row.candidateGivenName!,
            familyName: row.candidateFamilyName!,
            seekCandidateProfileId: row.seekCandidateProfileId,
          }
        : null,
    position: {
      externalId: row.positionExternalId,
      applicationPipelineId: row.applicationPipelineId,
      applicationPipeline:
        row.pipelineKey !== null ? { key: row.pipelineKey, currentVersionId: row.pipelineVersionId } : null,
      seekProfiles: row.profileIds.map((profileId) => ({ profileId })),
    },
  };
}
