// Writes a batch of planned status changes with a handful of set-based statements instead of a dozen
// per change: the events (one INSERT), the history items and every outbox row (one INSERT each, in the
// order single changes would have written them, so seq order is the same), and each record's final
// state (one UPDATE per table). What each change writes was decided by the plan; only the event ids
// are new here, and the history items and their rows are completed with them.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDeliveries, type NewDelivery } from "../delivery/enqueue/enqueue-delivery";
import type { WriteResult } from "../events/write-result";
import { Prisma } from "../generated/prisma/client";
import { planWorkflowTransition, type WorkflowTransition } from "../history/plan-workflow-transition";
import type { PlannedChange } from "./planned-change";

export async function writeStatusChanges(
  tx: DbTx,
  scope: TOrganizationScope,
  planned: readonly PlannedChange[],
  now: Date,
): Promise<WriteResult[]> {
  if (planned.length === 0) return [];
  const events = await tx.event.createManyAndReturn({
    data: planned.map((p) => p.event),
    select: { id: true, positionId: true, toStatusKey: true, occurredAt: true },
  });
  // RETURNING answers in VALUES order on PostgreSQL; the rows below hang on it, so it is checked.
  const eventIds = planned.map((p, i) => {
    const row = events[i];
    const same =
      row?.positionId === p.event.positionId &&
      row.toStatusKey === p.event.toStatusKey &&
      row.occurredAt.getTime() === p.event.occurredAt.getTime();
    if (!same) throw new Error("events came back out of order");
    return row.id;
  });

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
