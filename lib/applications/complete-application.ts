// The candidate finished the external apply form: queue SEEK's ApplicationComplete signal with the
// application's newest seek-token (seed 002). No token, nothing to correlate: 422.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery, TOKEN_PREFIX_LENGTH } from "../delivery/enqueue/enqueue-delivery";
import { identifierExpiresAt } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { WriteResult } from "../events/write-result";
import { applicationCompleteSignal } from "../signals/build-signal";
import { findApplicationForUpdate } from "./find-application";

export async function completeApplication(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { applicationId: string; occurredAt?: Date },
  now: Date = new Date(),
): Promise<WriteResult> {
  rejectFutureTime(input.occurredAt, now, "occurredAt");
  const app = await findApplicationForUpdate(tx, scope, input.applicationId);
  const capture = app.seekTokenCapture;
  if (!capture) {
    throw new AppError(
      "UNPROCESSABLE",
      `Application ${input.applicationId} has no seek-token. Attach the capture (captureId) or the token (seekToken) with PUT first.`,
    );
  }
  const occurredAt = input.occurredAt ?? now;
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: "ApplicationCompleted",
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId,
      occurredAt,
      actor: scope.actor,
      data: { captureId: capture.id },
    },
  });
  await tx.application.update({ where: { id: app.id }, data: { completedAt: occurredAt } });
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "seek-signal",
      kind: "ApplicationComplete",
      destination: "seek",
      payload: applicationCompleteSignal(capture.token, occurredAt),
      occurredAt,
      expiresAt: identifierExpiresAt(capture.capturedAt),
      applicationId: app.id,
      positionId: app.positionId,
      candidateId: app.candidateId ?? undefined,
      tokenPrefix: capture.token.slice(0, TOKEN_PREFIX_LENGTH),
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}
