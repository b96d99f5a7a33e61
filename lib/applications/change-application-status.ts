// Moves an application to another status: one event with current and previous state (each by the
// pipeline version it was recorded with) and exactly one ApplicationStatusUpdate outbox row. The API
// route and the hirer's server action both come here: one code path for both.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery } from "../delivery/enqueue/enqueue-delivery";
import { AppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { WriteResult } from "../events/write-result";
import { recordWorkflowTransition } from "../history/record-workflow-transition";
import { planStatusChange } from "../pipelines/plan-status-change";
import { applicationStatusSignal } from "../signals/build-signal";
import { findApplicationForUpdate } from "./find-application";
import { resolveSeekIdentifiers } from "./resolve-seek-identifiers";

export type ChangeApplicationStatus = {
  applicationId: string; // the ATS's id
  statusKey: string;
  occurredAt?: Date;
};

export async function changeApplicationStatus(
  tx: DbTx,
  scope: TOrganizationScope,
  input: ChangeApplicationStatus,
  now: Date = new Date(),
): Promise<WriteResult> {
  rejectFutureTime(input.occurredAt, now, "occurredAt");
  const app = await findApplicationForUpdate(tx, scope, input.applicationId);
  if (!app.position.applicationPipelineId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${app.position.externalId} has no application pipeline; set "applicationPipeline" on the position first.`,
    );
  }
  const occurredAt = input.occurredAt ?? now;
  const { version, current, previous } = await planStatusChange(tx, scope, {
    pipelineId: app.position.applicationPipelineId,
    pipeline: app.position.applicationPipeline,
    statusKey: input.statusKey,
    occurredAt,
    from: app,
    subject: `Application ${input.applicationId}`,
  });

  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: "ApplicationStatusChanged",
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId,
      versionId: version.versionId,
      fromStatusKey: app.currentStatusKey,
      fromVersionId: app.currentVersionId,
      fromOccurredAt: app.currentStatusAt,
      toStatusKey: input.statusKey,
      occurredAt,
      actor: scope.actor,
    },
  });
  await tx.application.update({
    where: { id: app.id },
    data: { currentStatusKey: input.statusKey, currentVersionId: version.versionId, currentStatusAt: occurredAt },
  });

  const deliveries = [];
  const resolved = resolveSeekIdentifiers({
    seekCandidateApplicationProfileId: app.seekCandidateApplicationProfileId,
    createdAt: app.createdAt,
    capture: app.seekTokenCapture,
    positionProfileIds: app.position.seekProfiles.map((p) => p.profileId),
  });
  if (resolved) {
    deliveries.push(
      await enqueueDelivery(
        tx,
        {
          organizationId: scope.organizationId,
          eventId: event.id,
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
        now,
      ),
    );
  }
  const transition = await recordWorkflowTransition(
    tx,
    scope,
    {
      eventId: event.id,
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId,
      status: version.definition.statuses.find((s) => s.key === input.statusKey)!,
      occurredAt,
      positionProfileId: app.position.seekProfiles.at(-1)?.profileId,
      // The candidate's source for this opportunity (seed 003); SEEK when they came through SEEK.
      seekSource: resolved ? "SEEK" : "Other",
    },
    now,
  );
  if (transition) deliveries.push(transition);
  return { id: event.id, deliveries };
}
