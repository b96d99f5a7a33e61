// Creates or updates an application note and queues it for LinkedIn, in writing order per application.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery } from "../delivery/enqueue/enqueue-delivery";
import { AppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { WriteResult } from "../events/write-result";
import { linkedinDestination, type NoteDeliveryPayload, notesOrderingKey, type TNoteInput } from "./note-input";

async function findApplication(tx: DbTx, scope: TOrganizationScope, externalId: string) {
  const app = await tx.application.findFirst({ where: inScope(scope, { externalId }) });
  if (!app) throw new AppError("NOT_FOUND", `No application with id ${externalId}.`);
  return app;
}

export async function putNote(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { applicationId: string; noteId: string; body: TNoteInput },
  now: Date = new Date(),
): Promise<WriteResult> {
  rejectFutureTime(input.body.createdAt, now, "createdAt");
  const app = await findApplication(tx, scope, input.applicationId);
  const { body } = input;
  const fields = {
    note: body.note,
    authorFirst: body.author?.firstName ?? null,
    authorLast: body.author?.lastName ?? null,
    atsCreatedAt: body.createdAt ?? null,
    deletedAt: null,
  };
  const existing = await tx.applicationNote.findUnique({
    where: { applicationId_externalId: { applicationId: app.id, externalId: input.noteId } },
  });
  const note = existing
    ? await tx.applicationNote.update({ where: { id: existing.id }, data: fields })
    : await tx.applicationNote.create({
        data: { organizationId: scope.organizationId, applicationId: app.id, externalId: input.noteId, ...fields },
      });
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: existing ? "NoteUpdated" : "NoteCreated",
      applicationId: app.id,
      positionId: app.positionId,
      occurredAt: now,
      actor: scope.actor,
      data: { noteId: input.noteId },
    },
  });
  const payload: NoteDeliveryPayload = {
    operation: "upsert",
    atsJobApplicationId: input.applicationId,
    noteId: input.noteId,
    entity: {
      ...(note.atsCreatedAt ? { atsCreatedAt: note.atsCreatedAt.getTime() } : {}),
      note: note.note,
      ...(body.author ? { author: body.author } : {}),
    },
  };
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "linkedin-note",
      kind: "NoteUpsert",
      destination: linkedinDestination(scope.organizationId),
      payload,
      occurredAt: now,
      orderingKey: notesOrderingKey(app.id),
      applicationId: app.id,
      positionId: app.positionId,
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}

export async function deleteNote(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { applicationId: string; noteId: string },
  now: Date = new Date(),
): Promise<WriteResult> {
  const app = await findApplication(tx, scope, input.applicationId);
  const note = await tx.applicationNote.findUnique({
    where: { applicationId_externalId: { applicationId: app.id, externalId: input.noteId } },
  });
  if (!note || note.deletedAt)
    throw new AppError("NOT_FOUND", `No note ${input.noteId} on application ${input.applicationId}.`);
  await tx.applicationNote.update({ where: { id: note.id }, data: { deletedAt: now } });
  const event = await tx.event.create({
    data: {
      organizationId: scope.organizationId,
      type: "NoteDeleted",
      applicationId: app.id,
      positionId: app.positionId,
      occurredAt: now,
      actor: scope.actor,
      data: { noteId: input.noteId },
    },
  });
  const payload: NoteDeliveryPayload = {
    operation: "delete",
    atsJobApplicationId: input.applicationId,
    noteId: input.noteId,
  };
  const delivery = await enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
      eventId: event.id,
      channel: "linkedin-note",
      kind: "NoteDelete",
      destination: linkedinDestination(scope.organizationId),
      payload,
      occurredAt: now,
      orderingKey: notesOrderingKey(app.id),
      applicationId: app.id,
      positionId: app.positionId,
    },
    now,
  );
  return { id: event.id, deliveries: [delivery] };
}
