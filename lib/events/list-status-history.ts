// The status changes of one application or position, newest first, from its Event rows: from → to as
// labelled in the pipeline versions they were recorded with, when they happened, and who made them.
import { describeActors } from "../actors/describe-actors";
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { loadVersionDefinitions, statusLabel } from "../pipelines/status-labels";

export type TStatusChange = {
  id: string;
  fromKey: string | null;
  fromLabel: string | null;
  toKey: string;
  toLabel: string;
  occurredAt: Date;
  recordedAt: Date;
  actor: string;
};

export type TStatusHistoryOf = { applicationId: string } | { positionId: string };

const MAX_ROWS = 200;

export async function listStatusHistory(
  db: DbOrTx,
  scope: TOrganizationScope,
  viewerIsAdmin: boolean,
  of: TStatusHistoryOf,
): Promise<TStatusChange[]> {
  const where =
    "applicationId" in of
      ? { type: "ApplicationStatusChanged", applicationId: of.applicationId }
      : { type: "PositionStatusChanged", positionId: of.positionId };
  const events = await db.event.findMany({
    where: inScope(scope, where),
    orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
    take: MAX_ROWS,
    select: {
      id: true,
      versionId: true,
      fromVersionId: true,
      fromStatusKey: true,
      toStatusKey: true,
      occurredAt: true,
      recordedAt: true,
      actor: true,
    },
  });
  const [definitions, actors] = await Promise.all([
    loadVersionDefinitions(
      db,
      scope,
      events.flatMap((e) => [e.versionId, e.fromVersionId]),
    ),
    describeActors(
      db,
      scope,
      viewerIsAdmin,
      events.map((e) => e.actor),
    ),
  ]);
  return events.flatMap((e) =>
    e.toStatusKey
      ? [
          {
            id: e.id,
            fromKey: e.fromStatusKey,
            fromLabel: statusLabel(definitions, e.fromVersionId, e.fromStatusKey),
            toKey: e.toStatusKey,
            toLabel: statusLabel(definitions, e.versionId, e.toStatusKey) ?? e.toStatusKey,
            occurredAt: e.occurredAt,
            recordedAt: e.recordedAt,
            actor: actors.get(e.actor) ?? e.actor,
          },
        ]
      : [],
  );
}
