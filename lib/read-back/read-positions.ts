// GET /api/v1/positions and /api/v1/positions/{positionId}: positions of the API key's organization as the
// ATS wrote them, plus what Signalhouse adds: the applyLink to give SEEK and the current status.
import { applyLinkFor } from "../captures/apply-link";
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { pipelinesById } from "../pipelines/pipelines-by-id";
import { loadVersionDefinitions, statusLabel } from "../pipelines/status-labels";
import { currentVersionNumbers, type TCurrentStatus } from "./current-status";
import { pageOf } from "./page-cursor";

export type TPositionView = {
  positionId: string;
  title: string;
  pipeline: string | null;
  applicationPipeline: string | null;
  seekPositionProfileIds: string[];
  applyUrl: string;
  applyLink: string;
  status: TCurrentStatus | null;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT = {
  externalId: true,
  title: true,
  pipelineId: true,
  applicationPipelineId: true,
  applyUrl: true,
  currentStatusKey: true,
  currentVersionId: true,
  currentStatusAt: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { slug: true } },
  seekProfiles: { where: { removedAt: null }, orderBy: { firstSeenAt: "asc" }, select: { profileId: true } },
} as const;

type TPositionRow = {
  externalId: string;
  title: string;
  pipelineId: string | null;
  applicationPipelineId: string | null;
  applyUrl: string;
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  organization: { slug: string };
  seekProfiles: { profileId: string }[];
};

async function present(
  db: DbOrTx,
  scope: TOrganizationScope,
  rows: TPositionRow[],
  origin: string,
): Promise<TPositionView[]> {
  const [pipelines, definitions, versions] = await Promise.all([
    pipelinesById(
      db,
      scope,
      rows.flatMap((row) => [row.pipelineId, row.applicationPipelineId]),
    ),
    loadVersionDefinitions(
      db,
      scope,
      rows.map((row) => row.currentVersionId),
    ),
    currentVersionNumbers(
      db,
      scope,
      rows.map((row) => row.currentVersionId),
    ),
  ]);
  return rows.map((row) => ({
    positionId: row.externalId,
    title: row.title,
    pipeline: row.pipelineId ? (pipelines.get(row.pipelineId)?.key ?? null) : null,
    applicationPipeline: row.applicationPipelineId ? (pipelines.get(row.applicationPipelineId)?.key ?? null) : null,
    seekPositionProfileIds: row.seekProfiles.map((profile) => profile.profileId),
    applyUrl: row.applyUrl,
    applyLink: applyLinkFor(row, row.organization, origin),
    status: row.currentStatusKey
      ? {
          key: row.currentStatusKey,
          label: statusLabel(definitions, row.currentVersionId, row.currentStatusKey) ?? row.currentStatusKey,
          pipelineVersion: row.currentVersionId ? (versions.get(row.currentVersionId) ?? null) : null,
          at: row.currentStatusAt,
        }
      : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export async function listPositions(
  db: DbOrTx,
  scope: TOrganizationScope,
  page: { cursor?: string; limit: number },
  origin: string,
): Promise<{ positions: TPositionView[]; nextCursor: string | null }> {
  const rows = await db.position.findMany({
    where: inScope(scope, page.cursor ? { externalId: { gt: page.cursor } } : {}),
    orderBy: { externalId: "asc" },
    take: page.limit + 1,
    select: SELECT,
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => row.externalId);
  return { positions: await present(db, scope, items, origin), nextCursor };
}

export async function getPosition(
  db: DbOrTx,
  scope: TOrganizationScope,
  positionId: string,
  origin: string,
): Promise<TPositionView> {
  const row = await db.position.findFirst({ where: inScope(scope, { externalId: positionId }), select: SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No position ${positionId}.`);
  const [view] = await present(db, scope, [row], origin);
  if (!view) throw new AppError("NOT_FOUND", `No position ${positionId}.`);
  return view;
}
