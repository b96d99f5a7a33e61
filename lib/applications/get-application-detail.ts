// Everything the application page shows, read within one organization of the caller's scope. The
// seek-token leaves this function only as a short prefix: the page (and so the browser) never gets it.
import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { listDeliveriesOfRecord, type TRecordDelivery } from "../delivery/deliveries-of-record";
import { identifierExpiresAt, isExpired } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import { listStatusHistory, type TStatusChange } from "../events/list-status-history";
import { moveChoices, type TMoveChoices } from "../pipelines/move-choices";
import { pipelinesById } from "../pipelines/pipelines-by-id";
import { recordedVersion } from "../pipelines/recorded-version";
import { type SeekStatusState, seekStateFor } from "../pipelines/seek-state";
import { type TVersionLag, versionLag } from "../pipelines/version-lag";

/** How much of a seek-token a person may see: enough to tell two apart, far too little to use. */
export const SEEK_TOKEN_VISIBLE_CHARS = 6;

export type TIdentifierLife = { since: Date; expiresAt: Date; expired: boolean };

export type TApplicationDetail = {
  externalId: string;
  createdAt: Date;
  completedAt: Date | null;
  candidate: { name: string; email: string | null } | null;
  position: { externalId: string; title: string };
  applicationPipeline: { key: string; name: string } | null;
  currentStatus: { key: string; label: string; at: Date | null; seek: SeekStatusState | null } | null;
  move: TMoveChoices;
  /** set when its status was recorded with another version than the pipeline's current one */
  versionLag: TVersionLag | null;
  seekToken: (TIdentifierLife & { prefix: string; source: string }) | null;
  optimisedApply: TIdentifierLife | null;
  history: TStatusChange[];
  deliveries: TRecordDelivery[];
};

export function redactSeekToken(token: string): string {
  return `${token.slice(0, SEEK_TOKEN_VISIBLE_CHARS)}…`;
}

function life(since: Date, now: Date): TIdentifierLife {
  return { since, expiresAt: identifierExpiresAt(since), expired: isExpired(identifierExpiresAt(since), now) };
}

export async function getApplicationDetail(
  db: DbOrTx,
  scope: TScope,
  input: { organizationId: string; applicationId: string },
  now: Date = new Date(),
): Promise<TApplicationDetail> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const app = await db.application.findFirst({
    where: inScope(orgScope, { externalId: input.applicationId }),
    select: {
      id: true,
      externalId: true,
      createdAt: true,
      completedAt: true,
      currentStatusKey: true,
      currentVersionId: true,
      currentStatusAt: true,
      seekCandidateApplicationProfileId: true,
      candidate: { select: { givenName: true, familyName: true, email: true } },
      position: { select: { externalId: true, title: true, applicationPipelineId: true } },
      seekTokenCapture: { select: { token: true, capturedAt: true, source: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", `No application ${input.applicationId}.`);

  const [pipelines, recorded, history, deliveries] = await Promise.all([
    pipelinesById(db, orgScope, [app.position.applicationPipelineId]),
    recordedVersion(db, orgScope, app.currentVersionId),
    listStatusHistory(db, orgScope, scope.kind === "all", { applicationId: app.id }),
    listDeliveriesOfRecord(db, orgScope, { applicationId: app.id }),
  ]);
  const pipeline = app.position.applicationPipelineId
    ? (pipelines.get(app.position.applicationPipelineId) ?? null)
    : null;
  const seek = app.currentStatusKey && recorded ? seekStateFor(recorded.definition, app.currentStatusKey) : undefined;
  const currentStatus = app.currentStatusKey
    ? { key: app.currentStatusKey, label: seek?.status.label ?? app.currentStatusKey }
    : null;
  const capture = app.seekTokenCapture;

  return {
    externalId: app.externalId,
    createdAt: app.createdAt,
    completedAt: app.completedAt,
    candidate: app.candidate
      ? { name: `${app.candidate.givenName} ${app.candidate.familyName}`, email: app.candidate.email }
      : null,
    position: { externalId: app.position.externalId, title: app.position.title },
    applicationPipeline: pipeline ? { key: pipeline.key, name: pipeline.name } : null,
    currentStatus: currentStatus ? { ...currentStatus, at: app.currentStatusAt, seek: seek ?? null } : null,
    move: moveChoices(
      pipeline,
      { statusKey: app.currentStatusKey, versionId: app.currentVersionId },
      { record: "application", field: "applicationPipeline" },
    ),
    versionLag: versionLag(recorded, pipeline, currentStatus),
    seekToken: capture
      ? { prefix: redactSeekToken(capture.token), source: capture.source, ...life(capture.capturedAt, now) }
      : null,
    optimisedApply: app.seekCandidateApplicationProfileId ? life(app.createdAt, now) : null,
    history,
    deliveries,
  };
}
