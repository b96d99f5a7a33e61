// Writes a batch of planned status changes with a handful of set-based statements instead of a dozen
// per change: the events (one INSERT), the history items and every outbox row (one INSERT each, in the
// order single changes would have written them, so seq order is the same), and each record's final
// state (one UPDATE per table). What each change writes was decided by the plan; only the event ids
// are new here, and the history items and their rows are completed with them.
import type { TOrganizationScope } from "../data/scope";
import { newCuid } from "../db/new-cuid";
import type { DbTx } from "../db/tx";
import { enqueueDeliveries, type NewDelivery } from "../delivery/enqueue/enqueue-delivery";
import type { WriteResult } from "../events/write-result";
import { Prisma } from "../generated/prisma/client";
import { planWorkflowTransition, type WorkflowTransition } from "../history/plan-workflow-transition";
import type { PlannedChange, PlannedEvent } from "./planned-change";

export async function writeStatusChanges(
  tx: DbTx,
  scope: TOrganizationScope,
  planned: readonly PlannedChange[],
  now: Date,
): Promise<WriteResult[]> {
  if (planned.length === 0) return [];
  const eventIds = await insertEvents(tx, planned);

  const perChange = planned.map((p, i) => {
    const eventId = eventIds[i]!;
    const transition: WorkflowTransition | undefined =
      p.transition && planWorkflowTransition({ ...p.transition.context, eventId }, p.transition.candidate, now);
    const deliveries: NewDelivery[] = [
      ...(p.signal ? [{ ...p.signal, eventId }] : []),
      ...(transition ? [transition.delivery] : []),
    ];
    return { eventId, transition, deliveries };
  });
  const historyItems = perChange.flatMap((c) => (c.transition ? [c.transition.historyItem] : []));
  if (historyItems.length > 0) await tx.candidateHistoryItem.createMany({ data: historyItems });
  const queued = await enqueueDeliveries(
    tx,
    perChange.flatMap((c) => c.deliveries),
    now,
  );
  await saveFinalStates(tx, scope, planned);

  let next = 0;
  return perChange.map((c) => ({ id: c.eventId, deliveries: c.deliveries.map(() => queued[next++]!) }));
}

/** Each record's state after the last of its changes: one UPDATE per table. */
async function saveFinalStates(tx: DbTx, scope: TOrganizationScope, planned: readonly PlannedChange[]): Promise<void> {
  const last = new Map(planned.map((p) => [`${p.record.table}:${p.record.id}`, p]));
  // What Prisma's @updatedAt would set: the time of the write.
  const writtenAt = new Date();
  for (const table of ["Application", "Position"] as const) {
    const rows = [...last.values()].filter((p) => p.record.table === table);
    if (rows.length === 0) continue;
    await tx.$executeRaw`
      UPDATE ${Prisma.raw(`"${table}"`)} AS r
      SET "currentStatusKey" = v.key, "currentVersionId" = v.version, "currentStatusAt" = v.at,
          "updatedAt" = ${writtenAt}
      FROM unnest(
        ${rows.map((p) => p.record.id)}::text[], ${rows.map((p) => p.after.currentStatusKey)}::text[],
        ${rows.map((p) => p.after.currentVersionId)}::text[], ${rows.map((p) => p.after.currentStatusAt)}::timestamp(3)[]
      ) AS v(id, key, version, at)
      WHERE r.id = v.id AND r."organizationId" = ${scope.organizationId}`;
  }
}

/** The events, one INSERT over unnest() (Prisma's createMany spent milliseconds of CPU per row). */
async function insertEvents(tx: DbTx, planned: readonly PlannedChange[]): Promise<string[]> {
  const ids = planned.map(() => newCuid());
  const column = <T>(pick: (event: PlannedEvent) => T | undefined) => planned.map((p) => pick(p.event) ?? null);
  // What Prisma writes for @default(now()): the time of the write, in UTC.
  const recordedAt = new Date();
  await tx.$executeRaw`
    INSERT INTO "Event" (id, "organizationId", type, "applicationId", "positionId", "candidateId", "versionId",
                         "fromStatusKey", "fromVersionId", "fromOccurredAt", "toStatusKey", "occurredAt", actor,
                         "recordedAt")
    SELECT v.*, ${recordedAt}::timestamp(3)
    FROM unnest(
      ${ids}::text[], ${column((e) => e.organizationId)}::text[], ${column((e) => e.type)}::text[],
      ${column((e) => e.applicationId)}::text[], ${column((e) => e.positionId)}::text[],
      ${column((e) => e.candidateId)}::text[], ${column((e) => e.versionId)}::text[],
      ${column((e) => e.fromStatusKey)}::text[], ${column((e) => e.fromVersionId)}::text[],
      ${column((e) => e.fromOccurredAt)}::timestamp(3)[], ${column((e) => e.toStatusKey)}::text[],
      ${column((e) => e.occurredAt)}::timestamp(3)[], ${column((e) => e.actor)}::text[]
    ) AS v`;
  return ids;
}
