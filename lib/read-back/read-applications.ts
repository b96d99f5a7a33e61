// GET /api/v1/applications?positionId=&cursor= and /api/v1/applications/{applicationId}: applications of the
// API key's organization with their current status, whether they hold a seek-token (a short prefix, never
// the token) and, per channel, the latest delivery with its error and a hint when it failed.
import { redactSeekToken } from "../applications/get-application-detail";
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { loadVersionDefinitions, statusLabel } from "../pipelines/status-labels";
import { currentVersionNumbers, type TCurrentStatus } from "./current-status";
import { latestDeliveriesByApplication, type TLatestDelivery } from "./latest-deliveries";
import { pageOf } from "./page-cursor";

export type TApplicationView = {
  applicationId: string;
  positionId: string;
  candidate: { given: string; family: string; email: string | null } | null;
  seekCandidateApplicationProfileId: string | null;
  status: TCurrentStatus | null;
  seekToken: { held: boolean; prefix: string | null; capturedAt: Date | null };
  completedAt: Date | null;
  deliveries: TLatestDelivery[];
  createdAt: Date;
  updatedAt: Date;
};

const SELECT = {
  id: true,
  externalId: true,
  seekCandidateApplicationProfileId: true,
  currentStatusKey: true,
  currentVersionId: true,
  currentStatusAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  position: { select: { externalId: true } },
  candidate: { select: { givenName: true, familyName: true, email: true } },
  seekTokenCapture: { select: { token: true, capturedAt: true } },
} as const;

type TApplicationRow = {
  id: string;
  externalId: string;
  seekCandidateApplicationProfileId: string | null;
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  position: { externalId: string };
  candidate: { givenName: string; familyName: string; email: string | null } | null;
  seekTokenCapture: { token: string; capturedAt: Date } | null;
};

async function present(db: DbOrTx, scope: TOrganizationScope, rows: TApplicationRow[]): Promise<TApplicationView[]> {
  const versionIds = rows.map((row) => row.currentVersionId);
  const [definitions, versions, deliveries] = await Promise.all([
    loadVersionDefinitions(db, scope, versionIds),
    currentVersionNumbers(db, scope, versionIds),
    latestDeliveriesByApplication(
      db,
      scope.organizationId,
      rows.map((row) => row.id),
      new Map(rows.flatMap((row) => (row.seekTokenCapture ? [[row.id, row.seekTokenCapture.token] as const] : []))),
    ),
  ]);
  return rows.map((row) => {
    const capture = row.seekTokenCapture;
    return {
      applicationId: row.externalId,
      positionId: row.position.externalId,
      candidate: row.candidate
        ? { given: row.candidate.givenName, family: row.candidate.familyName, email: row.candidate.email }
        : null,
      seekCandidateApplicationProfileId: row.seekCandidateApplicationProfileId,
      status: row.currentStatusKey
        ? {
            key: row.currentStatusKey,
            label: statusLabel(definitions, row.currentVersionId, row.currentStatusKey) ?? row.currentStatusKey,
            pipelineVersion: row.currentVersionId ? (versions.get(row.currentVersionId) ?? null) : null,
            at: row.currentStatusAt,
          }
        : null,
      seekToken: capture
        ? { held: true, prefix: redactSeekToken(capture.token), capturedAt: capture.capturedAt }
        : { held: false, prefix: null, capturedAt: null },
      completedAt: row.completedAt,
      deliveries: deliveries.get(row.id) ?? [],
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

export async function listApplications(
  db: DbOrTx,
  scope: TOrganizationScope,
  query: { positionId?: string; cursor?: string; limit: number },
): Promise<{ applications: TApplicationView[]; nextCursor: string | null }> {
  let positionFilter = {};
  if (query.positionId !== undefined) {
    // An unknown position is a mistake worth naming, not an empty list that looks like "no applicants yet".
    const position = await db.position.findFirst({
      where: inScope(scope, { externalId: query.positionId }),
      select: { id: true },
    });
    if (!position) throw new AppError("NOT_FOUND", `No position ${query.positionId}.`);
    positionFilter = { positionId: position.id };
  }
  const rows = await db.application.findMany({
    where: inScope(scope, { ...positionFilter, ...(query.cursor ? { externalId: { gt: query.cursor } } : {}) }),
    orderBy: { externalId: "asc" },
    take: query.limit + 1,
    select: SELECT,
  });
  const { items, nextCursor } = pageOf(rows, query.limit, (row) => row.externalId);
  return { applications: await present(db, scope, items), nextCursor };
}

export async function getApplication(
  db: DbOrTx,
  scope: TOrganizationScope,
  applicationId: string,
): Promise<TApplicationView> {
  const row = await db.application.findFirst({ where: inScope(scope, { externalId: applicationId }), select: SELECT });
  const [view] = row ? await present(db, scope, [row]) : [];
  if (!view) throw new AppError("NOT_FOUND", `No application ${applicationId}.`);
  return view;
}
