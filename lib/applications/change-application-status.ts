// Moves an application to another status: one event with current and previous state (each by the
// pipeline version it was recorded with) and exactly one ApplicationStatusUpdate outbox row. The API
// route and the hirer's server action both come here: one code path for both.
import { AppError } from "../errors/app-error";
import type { Actor, WriteResult } from "../events/write-result";
import type { Prisma } from "../generated/prisma/client";
import { recordWorkflowTransition } from "../history/record-workflow-transition";
import { enqueueDelivery } from "../outbox/enqueue-delivery";
import { loadCurrentVersion, loadRecordedVersion } from "../pipelines/load-pipeline-version";
import { applicationStatusSignal, type StatusAt } from "../signals/build-signal";
import { findApplicationForUpdate } from "./find-application";
import { resolveSeekIdentifiers } from "./resolve-seek-identifiers";

export type ChangeApplicationStatus = {
  organizationId: string;
  applicationId: string; // the ATS's id
  statusKey: string;
  occurredAt?: Date;
  actor: Actor;
};

export async function changeApplicationStatus(
  tx: Prisma.TransactionClient,
  input: ChangeApplicationStatus,
  now: Date = new Date(),
): Promise<WriteResult> {
  const app = await findApplicationForUpdate(tx, input.organizationId, input.applicationId);
  if (!app.position.applicationPipelineId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${app.position.externalId} has no application pipeline; set "applicationPipeline" on the position first.`,
    );
  }
  const version = await loadCurrentVersion(tx, input.organizationId, app.position.applicationPipelineId);
  if (!version.definition.statuses.some((s) => s.key === input.statusKey)) {
    throw new AppError(
      "UNPROCESSABLE",
      `Status "${input.statusKey}" is not in pipeline "${version.definition.name}".`,
      [
        {
          path: "status",
          message: `expected one of: ${version.definition.statuses.map((s) => s.key).join(", ")}`,
          code: "invalid_value",
        },
      ],
    );
  }
  // Moving to the status it is already in would tell SEEK nothing new: refused (docs/decisions/0004).
  if (app.currentStatusKey === input.statusKey && app.currentVersionId === version.version.id) {
    throw new AppError("CONFLICT", `Application ${input.applicationId} is already in status "${input.statusKey}".`);
  }

  const occurredAt = input.occurredAt ?? now;
  const current: StatusAt = { pipeline: version.definition, statusKey: input.statusKey, occurredAt };
  let previous: StatusAt | undefined;
  if (app.currentStatusKey && app.currentVersionId && app.currentStatusAt) {
    const previousVersion = await loadRecordedVersion(tx, input.organizationId, app.currentVersionId);
    previous = {
      pipeline: previousVersion.definition,
      statusKey: app.currentStatusKey,
      occurredAt: app.currentStatusAt,
    };
  }

  const event = await tx.event.create({
    data: {
      organizationId: input.organizationId,
      type: "ApplicationStatusChanged",
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId,
      versionId: version.version.id,
      fromStatusKey: app.currentStatusKey,
      fromVersionId: app.currentVersionId,
      fromOccurredAt: app.currentStatusAt,
      toStatusKey: input.statusKey,
      occurredAt,
      actor: input.actor,
    },
  });
  await tx.application.update({
    where: { id: app.id },
    data: { currentStatusKey: input.statusKey, currentVersionId: version.version.id, currentStatusAt: occurredAt },
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
          organizationId: input.organizationId,
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
    {
      organizationId: input.organizationId,
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
