// Why a delivery exists and what could hold it back, for its admin page: the business event that queued it
// (type, status from → to, when, and who: the API key's name or the user, from Event.actor), the
// application / position / candidate by the ids the ATS uses (with the hirer pages' links), and whether
// its channel is paused or its destination's circuit is open. Each is one indexed read by primary key.
import type { DbOrTx } from "../db/tx";
import { applicationPath, positionPath } from "../paths/hirer-paths";

export type TDeliveryCause = {
  event: {
    type: string;
    fromStatusKey: string | null;
    toStatusKey: string | null;
    occurredAt: string;
    recordedAt: string;
    /** "API key “Greenhouse prod”", "Ada Lovelace (ada@x.test)", "the system" */
    triggeredBy: string;
  } | null;
  application: { externalId: string; href: string } | null;
  position: { externalId: string; href: string } | null;
  candidate: { externalId: string | null; id: string } | null;
  channelPaused: boolean;
  destinationBlockedUntil: string | null;
  destinationLastError: string | null;
};

async function describeActor(db: DbOrTx, actor: string): Promise<string> {
  const [kind, id] = actor.split(":", 2);
  if (kind === "apikey" && id === "bootstrap") return "the bootstrap API key";
  if (kind === "apikey" && id) {
    const key = await db.apiKey.findUnique({ where: { id }, select: { name: true, prefix: true } });
    return key ? `API key “${key.name}” (${key.prefix}…)` : `API key ${id} (deleted)`;
  }
  if (kind === "user" && id) {
    const user = await db.user.findUnique({ where: { id }, select: { name: true, email: true } });
    return user ? `${user.name} (${user.email})` : `user ${id} (deleted)`;
  }
  return actor === "system" ? "Signalhouse itself" : actor;
}

export async function readDeliveryCause(
  db: DbOrTx,
  row: {
    eventId: string | null;
    applicationId: string | null;
    positionId: string | null;
    candidateId: string | null;
    channel: string;
    destination: string;
    organization: { slug: string };
  },
): Promise<TDeliveryCause> {
  const [event, application, position, candidate, control, destination] = await Promise.all([
    row.eventId ? db.event.findUnique({ where: { id: row.eventId } }) : null,
    row.applicationId
      ? db.application.findUnique({ where: { id: row.applicationId }, select: { externalId: true } })
      : null,
    row.positionId ? db.position.findUnique({ where: { id: row.positionId }, select: { externalId: true } }) : null,
    row.candidateId
      ? db.candidate.findUnique({ where: { id: row.candidateId }, select: { id: true, externalId: true } })
      : null,
    db.channelControl.findUnique({ where: { channel: row.channel } }),
    db.destinationState.findUnique({ where: { destination: row.destination } }),
  ]);
  const slug = row.organization.slug;
  return {
    event: event
      ? {
          type: event.type,
          fromStatusKey: event.fromStatusKey,
          toStatusKey: event.toStatusKey,
          occurredAt: event.occurredAt.toISOString(),
          recordedAt: event.recordedAt.toISOString(),
          triggeredBy: await describeActor(db, event.actor),
        }
      : null,
    application: application
      ? { externalId: application.externalId, href: applicationPath(slug, application.externalId) }
      : null,
    position: position ? { externalId: position.externalId, href: positionPath(slug, position.externalId) } : null,
    candidate,
    channelPaused: control?.paused ?? false,
    destinationBlockedUntil: destination?.blockedUntil?.toISOString() ?? null,
    destinationLastError: destination?.lastError ?? null,
  };
}
