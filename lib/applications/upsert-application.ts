// Creates or updates an application. A new capture or token replaces the earlier one for every later
// signal (seed 002: a returning candidate brings a new seek-token), and for the signals that stopped on
// the old one (repoint-stopped-signals.ts), which an admin can then retry.

import { newCaptureId } from "../captures/new-capture-id";
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import { repointStoppedSignals } from "../signals/repoint-stopped-signals";
import type { TApplicationInput } from "./application-input";

export async function upsertApplication(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { applicationId: string; body: TApplicationInput },
  now: Date = new Date(),
): Promise<WriteResult> {
  const { organizationId } = scope; // for the rows this creates
  const { body } = input;
  const position = await tx.position.findFirst({
    where: inScope(scope, { externalId: body.positionId }),
    select: { id: true },
  });
  if (!position) {
    throw new AppError(
      "UNPROCESSABLE",
      `No position with id ${body.positionId}. Create it with PUT /api/v1/positions/${body.positionId} first.`,
      [{ path: "positionId", message: "unknown position", code: "invalid_value" }],
    );
  }
  const existing = await tx.application.findFirst({
    where: inScope(scope, { externalId: input.applicationId }),
    select: { id: true, positionId: true, candidateId: true },
  });
  if (existing && existing.positionId !== position.id) {
    throw new AppError(
      "CONFLICT",
      `Application ${input.applicationId} belongs to another position; an application cannot move between positions.`,
    );
  }

  let captureId: string | undefined;
  let newToken: { token: string; capturedAt: Date } | undefined;
  if (body.captureId) {
    const capture = await tx.seekTokenCapture.findFirst({
      where: inScope(scope, { id: body.captureId }),
      select: { id: true, positionId: true, token: true, capturedAt: true },
    });
    if (!capture) {
      throw new AppError("UNPROCESSABLE", `No capture ${body.captureId} in this organization.`, [
        { path: "captureId", message: "unknown capture", code: "invalid_value" },
      ]);
    }
    if (capture.positionId && capture.positionId !== position.id) {
      throw new AppError("UNPROCESSABLE", `Capture ${body.captureId} was made for another position.`, [
        { path: "captureId", message: "capture belongs to another position", code: "invalid_value" },
      ]);
    }
    captureId = capture.id;
    newToken = capture;
  } else if (body.seekToken !== undefined) {
    const capture = await tx.seekTokenCapture.create({
      data: {
        id: newCaptureId(),
        organizationId,
        positionId: position.id,
        token: body.seekToken,
        capturedAt: now,
        source: "api",
      },
      omit: { token: false },
    });
    captureId = capture.id;
    newToken = capture;
  }

  const candidateId = await resolveCandidate(tx, scope, body, existing?.candidateId ?? null);
  const fields = {
    candidateId,
    ...(captureId ? { seekTokenCaptureId: captureId } : {}),
    ...(body.seekCandidateApplicationProfileId
      ? { seekCandidateApplicationProfileId: body.seekCandidateApplicationProfileId }
      : {}),
  };
  const application = existing
    ? await tx.application.update({ where: { id: existing.id }, data: fields })
    : await tx.application.create({
        data: { organizationId, externalId: input.applicationId, positionId: position.id, ...fields },
      });
  const repointed =
    existing && newToken ? await repointStoppedSignals(tx, { applicationId: application.id, ...newToken, now }) : [];
  const event = await tx.event.create({
    data: {
      organizationId,
      type: existing ? "ApplicationUpdated" : "ApplicationCreated",
      applicationId: application.id,
      positionId: position.id,
      candidateId,
      occurredAt: now,
      actor: scope.actor,
      data: { captureId: captureId ?? null, ...(repointed.length > 0 ? { repointedDeliveries: repointed } : {}) },
    },
  });
  return { id: event.id, deliveries: [] };
}

/** The named candidate (candidateId), else the application's own anonymous candidate record. */
async function resolveCandidate(
  tx: DbTx,
  scope: TOrganizationScope,
  body: TApplicationInput,
  currentCandidateId: string | null,
): Promise<string> {
  const person = {
    givenName: body.candidate.given,
    familyName: body.candidate.family,
    email: body.candidate.email ?? null,
  };
  const { organizationId } = scope;
  if (body.candidateId) {
    const candidate = await tx.candidate.upsert({
      where: { organizationId_externalId: { organizationId, externalId: body.candidateId } },
      create: { organizationId, externalId: body.candidateId, ...person },
      update: {},
      select: { id: true },
    });
    return candidate.id;
  }
  if (currentCandidateId) {
    await tx.candidate.update({ where: { id: currentCandidateId }, data: person });
    return currentCandidateId;
  }
  const candidate = await tx.candidate.create({ data: { organizationId, ...person }, select: { id: true } });
  return candidate.id;
}
