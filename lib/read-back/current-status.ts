// The current status a read-back shows: key, label in the version it was recorded with, and that
// version's number (the ATS knows versions by number, from PUT /api/v1/pipelines).
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";

export type TCurrentStatus = { key: string; label: string; pipelineVersion: number | null; at: Date | null };

export async function currentVersionNumbers(
  db: DbOrTx,
  scope: TOrganizationScope,
  versionIds: Iterable<string | null | undefined>,
): Promise<ReadonlyMap<string, number>> {
  const ids = [...new Set([...versionIds].filter((id): id is string => typeof id === "string"))];
  if (ids.length === 0) return new Map();
  const rows = await db.pipelineVersion.findMany({
    where: { id: { in: ids }, pipeline: inScope(scope) },
    select: { id: true, version: true },
  });
  return new Map(rows.map((row) => [row.id, row.version]));
}
