// The rules of one application's status change, in memory: the position must have an application
// pipeline with a saved version, the status must be in it and not the one the application is in; the
// signal carries the application's SEEK identifiers (Optimised Apply id, or the seek-token with the
// position's profiles) and their expiry; a status mapped to a SEEK code may add a history item.

import type { ApplicationForUpdate } from "../applications/find-application";
import { resolveSeekIdentifiers } from "../applications/resolve-seek-identifiers";
import type { TOrganizationScope } from "../data/scope";
import { AppError } from "../errors/app-error";
import type { CurrentStatus } from "../pipelines/plan-status-change";
import { applicationStatusSignal } from "../signals/build-signal";
import type { StatusChangeRecords } from "./load-status-change-records";
import { planRecordChange } from "./plan-record-change";
import type { PlannedChange } from "./planned-change";

export function planApplicationChange(input: {
  scope: TOrganizationScope;
  change: { applicationId: string; statusKey: string; occurredAt?: Date };
  app: ApplicationForUpdate | undefined;
  /** where the application stands, after the changes before this one in the batch */
  from: CurrentStatus;
  records: StatusChangeRecords;
  now: Date;
}): PlannedChange {
  const { scope, change, app, from, records, now } = input;
  if (!app) throw new AppError("NOT_FOUND", `No application with id ${change.applicationId}.`);
  const pipelineId = app.position.applicationPipelineId;
  if (!pipelineId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${app.position.externalId} has no application pipeline; set "applicationPipeline" on the position first.`,
    );
  }
  const { version, current, previous, record, after, event } = planRecordChange({
    ...{ scope, change, from, records, now },
    pipelineId,
    pipeline: app.position.applicationPipeline,
    subject: `Application ${change.applicationId}`,
    record: { table: "Application", id: app.id },
    about: {
      type: "ApplicationStatusChanged",
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId,
    },
  });
  const { occurredAt } = event;
  const resolved = resolveSeekIdentifiers({
    seekCandidateApplicationProfileId: app.seekCandidateApplicationProfileId,
    createdAt: app.createdAt,
    capture: app.seekTokenCapture,
    positionProfileIds: app.position.seekProfiles.map((p) => p.profileId),
  });
  return {
    record,
    after,
    event,
    signal: resolved && {
      organizationId: scope.organizationId,
      channel: "seek-signal",
      kind: "ApplicationStatusUpdate",
      destination: "seek",
      payload: applicationStatusSignal(resolved.ids, current, previous),
      occurredAt,
      expiresAt: resolved.expiresAt,
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId ?? undefined,
      tokenPrefix: resolved.tokenPrefix,
    },
    transition: {
      context: {
        organizationId: scope.organizationId,
        applicationId: app.id,
        positionId: app.positionId,
        candidateId: app.candidateId,
        status: version.definition.statuses.find((s) => s.key === change.statusKey)!,
        occurredAt,
        positionProfileId: app.position.seekProfiles.at(-1)?.profileId,
        // The candidate's source for this opportunity (seed 003); SEEK when they came through SEEK.
        seekSource: resolved ? "SEEK" : "Other",
      },
      candidate: app.candidateId ? records.candidates.get(app.candidateId) : undefined,
    },
  };
}
