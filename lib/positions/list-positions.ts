// One organization's positions for the positions page, newest first: title, ATS id, current status (as
// labelled in the version it was recorded with), live SEEK position profile ids and applications.
import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { loadVersionDefinitions, statusLabel } from "../pipelines/status-labels";

export type TPositionListItem = {
  externalId: string;
  title: string;
  currentStatus: { key: string; label: string; at: Date | null } | null;
  seekProfileCount: number;
  applicationCount: number;
  createdAt: Date;
};

const MAX_ROWS = 500;

export async function listPositions(db: DbOrTx, scope: TScope, organizationId: string): Promise<TPositionListItem[]> {
  const orgScope = narrowToOrganization(scope, organizationId);
  const rows = await db.position.findMany({
    where: inScope(orgScope),
    orderBy: [{ createdAt: "desc" }, { externalId: "asc" }],
    take: MAX_ROWS,
    select: {
      externalId: true,
      title: true,
      currentStatusKey: true,
      currentVersionId: true,
      currentStatusAt: true,
      createdAt: true,
      _count: { select: { applications: true, seekProfiles: { where: { removedAt: null } } } },
    },
  });
  const definitions = await loadVersionDefinitions(
    db,
    orgScope,
    rows.map((r) => r.currentVersionId),
  );
  return rows.map((row) => ({
    externalId: row.externalId,
    title: row.title,
    currentStatus: row.currentStatusKey
      ? {
          key: row.currentStatusKey,
          label: statusLabel(definitions, row.currentVersionId, row.currentStatusKey) ?? row.currentStatusKey,
          at: row.currentStatusAt,
        }
      : null,
    seekProfileCount: row._count.seekProfiles,
    applicationCount: row._count.applications,
    createdAt: row.createdAt,
  }));
}
