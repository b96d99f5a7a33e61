// Writes a batch of planned status changes as one SQL statement, one round trip whatever the batch's size
// (lib/db/one-statement.ts): the events, the history items and every outbox row (one INSERT each, the
// rows in the order single changes would have written them, so seq order is the same), and each record's
// final state (one UPDATE per table). What each change writes was decided by the plan; only the event ids
// are new here, and the history items and their rows are completed with them. Every row is stamped with
// `now`, the request's clock, as everything else the change decided was.
import type { TOrganizationScope } from "../data/scope";
import { newCuid } from "../db/new-cuid";
import { asOneStatement } from "../db/one-statement";
import type { DbTx } from "../db/tx";
import { deliveriesInsert, type NewDelivery } from "../delivery/enqueue/enqueue-delivery";
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
  const { statements, results } = statusChangeWrites(scope, planned, now);
  await tx.$executeRaw(asOneStatement(statements));
  return results;
}

/**
 * The statements that write a non-empty batch of planned changes, and what each change will have
 * written once they ran: its event id and its queued deliveries, in order.
 */
export function statusChangeWrites(
  scope: TOrganizationScope,
  planned: readonly PlannedChange[],
  now: Date,
): { statements: Prisma.Sql[]; results: WriteResult[] } {
  const eventIds = planned.map(() => newCuid());

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
  const deliveries = perChange.flatMap((c) => c.deliveries);
  const outbox = deliveries.length > 0 ? deliveriesInsert(deliveries, now) : undefined;

  const statements = [
    eventsInsert(planned, eventIds, now),
    ...(historyItems.length > 0 ? [historyItemsInsert(historyItems, now)] : []),
    ...finalStateUpdates(scope, planned, now),
    ...(outbox ? [outbox.sql] : []),
  ];
  const queued = outbox?.queued ?? [];
  let next = 0;
  const results = perChange.map((c) => ({ id: c.eventId, deliveries: c.deliveries.map(() => queued[next++]!) }));
  return { statements, results };
}

/** Each record's state after the last of its changes: one UPDATE per table that has any. */
function finalStateUpdates(scope: TOrganizationScope, planned: readonly PlannedChange[], now: Date): Prisma.Sql[] {
  const last = new Map(planned.map((p) => [`${p.record.table}:${p.record.id}`, p]));
  return (["Application", "Position"] as const).flatMap((table) => {
    const rows = [...last.values()].filter((p) => p.record.table === table);
    if (rows.length === 0) return [];
    // One record (a single change) by equality on its key, so the single change's statement may be kept
    // prepared: its generic plan can only look the row up by id (lib/db/prepared-statement.ts).
    const [only] = rows;
    if (rows.length === 1 && only) {
      return [
        Prisma.sql`
      UPDATE ${Prisma.raw(`"${table}"`)} AS r
      SET "currentStatusKey" = ${only.after.currentStatusKey}::text, "currentVersionId" = ${only.after.currentVersionId}::text,
          "currentStatusAt" = ${only.after.currentStatusAt}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
      WHERE r.id = ${only.record.id} AND r."organizationId" = ${scope.organizationId}`,
      ];
    }
    return [
      Prisma.sql`
      UPDATE ${Prisma.raw(`"${table}"`)} AS r
      SET "currentStatusKey" = v.key, "currentVersionId" = v.version, "currentStatusAt" = v.at,
          "updatedAt" = ${now}::timestamp(3)
      FROM unnest(
        ${rows.map((p) => p.record.id)}::text[], ${rows.map((p) => p.after.currentStatusKey)}::text[],
        ${rows.map((p) => p.after.currentVersionId)}::text[], ${rows.map((p) => p.after.currentStatusAt)}::timestamp(3)[]
      ) AS v(id, key, version, at)
      WHERE r.id = v.id AND r."organizationId" = ${scope.organizationId}`,
    ];
  });
}

/** The events, over unnest() (Prisma's createMany spent milliseconds of CPU per row). */
function eventsInsert(planned: readonly PlannedChange[], ids: readonly string[], now: Date): Prisma.Sql {
  const column = <T>(pick: (event: PlannedEvent) => T | undefined) => planned.map((p) => pick(p.event) ?? null);
  return Prisma.sql`
    INSERT INTO "Event" (id, "organizationId", type, "applicationId", "positionId", "candidateId", "versionId",
                         "fromStatusKey", "fromVersionId", "fromOccurredAt", "toStatusKey", "occurredAt", actor,
                         "recordedAt")
    SELECT v.*, ${now}::timestamp(3)
    FROM unnest(
      ${ids}::text[], ${column((e) => e.organizationId)}::text[], ${column((e) => e.type)}::text[],
      ${column((e) => e.applicationId)}::text[], ${column((e) => e.positionId)}::text[],
      ${column((e) => e.candidateId)}::text[], ${column((e) => e.versionId)}::text[],
      ${column((e) => e.fromStatusKey)}::text[], ${column((e) => e.fromVersionId)}::text[],
      ${column((e) => e.fromOccurredAt)}::timestamp(3)[], ${column((e) => e.toStatusKey)}::text[],
      ${column((e) => e.occurredAt)}::timestamp(3)[], ${column((e) => e.actor)}::text[]
    ) AS v`;
}

function historyItemsInsert(items: readonly WorkflowTransition["historyItem"][], now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "CandidateHistoryItem" (id, "organizationId", "candidateId", "idempotencyId", data, "createdAt",
                                        "updatedAt")
    SELECT v.id, v.organization_id, v.candidate_id, v.idempotency_id, v.data::jsonb, ${now}::timestamp(3),
           ${now}::timestamp(3)
    FROM unnest(
      ${items.map(() => newCuid())}::text[], ${items.map((i) => i.organizationId)}::text[],
      ${items.map((i) => i.candidateId)}::text[], ${items.map((i) => i.idempotencyId)}::text[],
      ${items.map((i) => JSON.stringify(i.data))}::text[]
    ) AS v(id, organization_id, candidate_id, idempotency_id, data)`;
}
