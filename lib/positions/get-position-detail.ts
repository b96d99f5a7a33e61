// Everything the position page shows, read within one organization of the caller's scope. Another
// organization's position reads as NOT_FOUND, whatever ids are guessed.
import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { listDeliveriesOfRecord, type TRecordDelivery } from "../delivery/deliveries-of-record";
import { identifierExpiresAt, isExpired } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import { listStatusHistory, type TStatusChange } from "../events/list-status-history";
import { moveChoices, type TMoveChoices } from "../pipelines/move-choices";
import { pipelinesById } from "../pipelines/pipelines-by-id";
import { recordedVersion } from "../pipelines/recorded-version";
import { loadVersionDefinitions, statusLabel } from "../pipelines/status-labels";
import { type TVersionLag, versionLag } from "../pipelines/version-lag";

export type TPipelineLink = { key: string; name: string; version: number | null };

export type TPositionDetail = {
  externalId: string;
  title: string;
  applyUrl: string;
  createdAt: Date;
  currentStatus: { key: string; label: string; at: Date | null } | null;
  pipeline: TPipelineLink | null;
  applicationPipeline: TPipelineLink | null;
  move: TMoveChoices;
  /** set when its status was recorded with another version than its pipeline's current one */
  versionLag: TVersionLag | null;
  seekProfiles: { profileId: string; firstSeenAt: Date; expiresAt: Date; expired: boolean }[];
  applications: {
    externalId: string;
    candidateName: string | null;
    currentStatus: { key: string; label: string } | null;
    hasSeekToken: boolean;
    hasOptimisedApplyId: boolean;
    createdAt: Date;
  }[];
  history: TStatusChange[];
  deliveries: TRecordDelivery[];
};

export async function getPositionDetail(
  db: DbOrTx,
  scope: TScope,
  input: { organizationId: string; positionId: string },
  now: Date = new Date(),
): Promise<TPositionDetail> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const position = await db.position.findFirst({
    where: inScope(orgScope, { externalId: input.positionId }),
    select: {
      id: true,
      externalId: true,
      title: true,
      applyUrl: true,
      createdAt: true,
      pipelineId: true,
      applicationPipelineId: true,
      currentStatusKey: true,
      currentVersionId: true,
      currentStatusAt: true,
      seekProfiles: {
        where: { removedAt: null },
        orderBy: { firstSeenAt: "asc" },
        select: { profileId: true, firstSeenAt: true },
      },
      applications: {
        orderBy: [{ createdAt: "desc" }, { externalId: "asc" }],
        take: 500,
        select: {
          externalId: true,
          currentStatusKey: true,
          currentVersionId: true,
          seekTokenCaptureId: true,
          seekCandidateApplicationProfileId: true,
          createdAt: true,
          candidate: { select: { givenName: true, familyName: true } },
        },
      },
    },
  });
  if (!position) throw new AppError("NOT_FOUND", `No position ${input.positionId}.`);

  const viewerIsAdmin = scope.kind === "all";
  const [pipelines, definitions, recorded, history, deliveries] = await Promise.all([
    pipelinesById(db, orgScope, [position.pipelineId, position.applicationPipelineId]),
    loadVersionDefinitions(db, orgScope, [
      position.currentVersionId,
      ...position.applications.map((a) => a.currentVersionId),
    ]),
    recordedVersion(db, orgScope, position.currentVersionId),
    listStatusHistory(db, orgScope, viewerIsAdmin, { positionId: position.id }),
    listDeliveriesOfRecord(db, orgScope, { positionId: position.id }),
  ]);
  const pipeline = position.pipelineId ? (pipelines.get(position.pipelineId) ?? null) : null;
  const applicationPipeline = position.applicationPipelineId
    ? (pipelines.get(position.applicationPipelineId) ?? null)
    : null;
  const currentStatus = position.currentStatusKey
    ? {
        key: position.currentStatusKey,
        label:
          statusLabel(definitions, position.currentVersionId, position.currentStatusKey) ?? position.currentStatusKey,
      }
    : null;
  const link = (p: typeof pipeline): TPipelineLink | null =>
    p ? { key: p.key, name: p.name, version: p.version?.version ?? null } : null;

  return {
    externalId: position.externalId,
    title: position.title,
    applyUrl: position.applyUrl,
    createdAt: position.createdAt,
    currentStatus: currentStatus ? { ...currentStatus, at: position.currentStatusAt } : null,
    pipeline: link(pipeline),
    applicationPipeline: link(applicationPipeline),
    move: moveChoices(
      pipeline,
      { statusKey: position.currentStatusKey, versionId: position.currentVersionId },
      { record: "position", field: "pipeline" },
    ),
    versionLag: versionLag(recorded, pipeline, currentStatus),
    seekProfiles: position.seekProfiles.map((p) => ({
      ...p,
      expiresAt: identifierExpiresAt(p.firstSeenAt),
      expired: isExpired(identifierExpiresAt(p.firstSeenAt), now),
    })),
    applications: position.applications.map((a) => ({
      externalId: a.externalId,
      candidateName: a.candidate ? `${a.candidate.givenName} ${a.candidate.familyName}` : null,
      currentStatus: a.currentStatusKey
        ? {
            key: a.currentStatusKey,
            label: statusLabel(definitions, a.currentVersionId, a.currentStatusKey) ?? a.currentStatusKey,
          }
        : null,
      hasSeekToken: a.seekTokenCaptureId !== null,
      hasOptimisedApplyId: a.seekCandidateApplicationProfileId !== null,
      createdAt: a.createdAt,
    })),
    history,
    deliveries,
  };
}
