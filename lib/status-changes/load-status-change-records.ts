// Everything a batch of status changes reads, in a handful of statements whatever its size: the
// applications and positions it names (locked for the transaction), the pipeline versions it needs
// (their pipelines' current versions and the versions the records stand in now); the candidates a
// history item may be built for come with their applications.
import { type ApplicationForUpdate, findApplicationsForUpdate } from "../applications/find-application";
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { TransitionCandidate } from "../history/plan-workflow-transition";
import { type TVersionDefinition, versionDefinitions } from "../pipelines/version-definitions";
import { findPositionsForUpdate, type PositionForUpdate } from "../positions/find-positions-for-update";
import type { TStatusChangeRequest } from "./status-change-request";

export type StatusChangeRecords = {
  /** by the ATS's id */
  applications: ReadonlyMap<string, ApplicationForUpdate>;
  /** by the ATS's id */
  positions: ReadonlyMap<string, PositionForUpdate>;
  /** by version id */
  versions: ReadonlyMap<string, TVersionDefinition>;
  /** by candidate id */
  candidates: ReadonlyMap<string, TransitionCandidate>;
};

/** `lock: false` reads without locking, for a write that checks the records' versions instead. */
export async function loadStatusChangeRecords(
  tx: DbTx,
  scope: TOrganizationScope,
  changes: readonly TStatusChangeRequest[],
  options: { lock: boolean } = { lock: true },
): Promise<StatusChangeRecords> {
  const applicationIds = changes.flatMap((c) => ("applicationId" in c ? [c.applicationId] : []));
  const positionIds = changes.flatMap((c) => ("positionId" in c ? [c.positionId] : []));
  const applications = await findApplicationsForUpdate(tx, scope, applicationIds, options);
  const positions = await findPositionsForUpdate(tx, scope, positionIds, options);
  const versionIds = [
    ...[...applications.values()].flatMap((a) => [
      a.position.applicationPipeline?.currentVersionId,
      a.currentVersionId,
    ]),
    ...[...positions.values()].flatMap((p) => [p.pipeline?.currentVersionId, p.currentVersionId]),
  ].filter((id): id is string => Boolean(id));
  const versions = await versionDefinitions(tx, scope, versionIds);
  // Only a candidate of an application on an advertised position can get a history item.
  const candidates = [...applications.values()].flatMap((a) =>
    a.candidate && a.position.seekProfiles.length > 0 ? [a.candidate] : [],
  );
  return { applications, positions, versions, candidates: new Map(candidates.map((c) => [c.id, c])) };
}
