// What tells one delivery-log row from the next: its organization's name, the application, position and
// candidate by the ids the ATS uses, and what changed ("Shortlisted → First interview"). Read for one
// page of rows at once: five indexed reads by primary key, whatever the page size, each within the scope.
import { inScope, narrowToOrganization, organizationsInScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { loadVersionDefinitions, statusLabel, type TVersionDefinitions } from "../pipelines/status-labels";
import { describeChange } from "./describe-change";

export type TRowContext = {
  organizationName: string | null;
  applicationExternalId: string | null;
  positionExternalId: string | null;
  candidateExternalId: string | null;
  /** "Shortlisted → First interview", "note N1 updated", or null when no event is recorded */
  change: string | null;
};

const EMPTY: TRowContext = {
  organizationName: null,
  applicationExternalId: null,
  positionExternalId: null,
  candidateExternalId: null,
  change: null,
};

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

export async function readRowContext(
  db: DbOrTx,
  scope: TScope,
  deliveryIds: readonly string[],
): Promise<Map<string, TRowContext>> {
  if (deliveryIds.length === 0) return new Map();
  const refs = await db.delivery.findMany({
    where: inScope(scope, { id: { in: [...deliveryIds] } }),
    select: {
      id: true,
      organizationId: true,
      eventId: true,
      applicationId: true,
      positionId: true,
      candidateId: true,
    },
  });
  const [organizations, applications, positions, candidates, events] = await Promise.all([
    db.organization.findMany({
      where: organizationsInScope(scope, { id: { in: unique(refs.map((r) => r.organizationId)) } }),
      select: { id: true, name: true },
    }),
    db.application.findMany({
      where: inScope(scope, { id: { in: unique(refs.map((r) => r.applicationId)) } }),
      select: { id: true, externalId: true },
    }),
    db.position.findMany({
      where: inScope(scope, { id: { in: unique(refs.map((r) => r.positionId)) } }),
      select: { id: true, externalId: true },
    }),
    db.candidate.findMany({
      where: inScope(scope, { id: { in: unique(refs.map((r) => r.candidateId)) } }),
      select: { id: true, externalId: true },
    }),
    db.event.findMany({
      where: inScope(scope, { id: { in: unique(refs.map((r) => r.eventId)) } }),
      select: {
        id: true,
        organizationId: true,
        type: true,
        versionId: true,
        fromVersionId: true,
        fromStatusKey: true,
        toStatusKey: true,
        data: true,
      },
    }),
  ]);
  const definitions = await versionsByOrganization(db, scope, events);
  const name = new Map(organizations.map((o) => [o.id, o.name]));
  const external = (rows: { id: string; externalId: string | null }[]) =>
    new Map(rows.map((row) => [row.id, row.externalId]));
  const [applicationIds, positionIds, candidateIds] = [
    external(applications),
    external(positions),
    external(candidates),
  ];
  const eventById = new Map(events.map((event) => [event.id, event]));
  return new Map(
    refs.map((ref) => {
      const event = ref.eventId ? eventById.get(ref.eventId) : undefined;
      const labels = event ? definitions.get(event.organizationId) : undefined;
      const context: TRowContext = {
        ...EMPTY,
        organizationName: name.get(ref.organizationId) ?? null,
        applicationExternalId: (ref.applicationId && applicationIds.get(ref.applicationId)) || null,
        positionExternalId: (ref.positionId && positionIds.get(ref.positionId)) || null,
        candidateExternalId: (ref.candidateId && candidateIds.get(ref.candidateId)) || null,
        change: event
          ? describeChange({
              type: event.type,
              // "from" was recorded in its own version (the pipeline may have changed in between).
              fromLabel: labels
                ? statusLabel(labels, event.fromVersionId ?? event.versionId, event.fromStatusKey)
                : null,
              toLabel: labels ? statusLabel(labels, event.versionId, event.toStatusKey) : null,
              data: event.data,
            })
          : null,
      };
      return [ref.id, context];
    }),
  );
}

/** Pipeline versions are read through their organization (status-labels.ts), so one read per organization. */
async function versionsByOrganization(
  db: DbOrTx,
  scope: TScope,
  events: { organizationId: string; versionId: string | null; fromVersionId: string | null }[],
): Promise<Map<string, TVersionDefinitions>> {
  const byOrganization = new Map<string, (string | null)[]>();
  for (const event of events) {
    const ids = byOrganization.get(event.organizationId) ?? [];
    ids.push(event.versionId, event.fromVersionId);
    byOrganization.set(event.organizationId, ids);
  }
  const entries = await Promise.all(
    [...byOrganization].map(
      async ([organizationId, ids]) =>
        [organizationId, await loadVersionDefinitions(db, narrowToOrganization(scope, organizationId), ids)] as const,
    ),
  );
  return new Map(entries);
}

export function contextOf(contexts: Map<string, TRowContext>, id: string): TRowContext {
  return contexts.get(id) ?? EMPTY;
}
