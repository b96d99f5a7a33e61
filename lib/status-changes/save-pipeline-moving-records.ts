// A pipeline save as the API and the editor make it: the new version, then every record in a status the
// version drops moved where the caller said, as ordinary status changes in the same transaction (own
// event, own signal with `previous`). Without a move for each such status the save is refused with
// STATUS_IN_USE and its counts, and the transaction rolls the version back (docs/decisions/0146).
// It lives here, above pipelines, applications and positions, because it uses all three.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { WriteResult } from "../events/write-result";
import { planStrandedMoves, type TStatusMoves } from "../pipelines/plan-stranded-moves";
import {
  type TSavedPipelineVersion,
  type TSavePipelineVersionInput,
  writePipelineVersion,
} from "../pipelines/save-pipeline-version";
import { countStrandedRecords, moveStrandedRecords } from "./stranded-records";

export type TSavedMovingRecords = TSavedPipelineVersion & {
  /** the status changes that moved stranded records, in the same transaction */
  moved: WriteResult[];
};

export async function writePipelineVersionMovingRecords(
  tx: DbTx,
  scope: TOrganizationScope,
  input: TSavePipelineVersionInput & { moves?: TStatusMoves },
  /** the save's time: the time of every move it makes */
  now: Date,
): Promise<TSavedMovingRecords> {
  const saved = await writePipelineVersion(tx, scope, input);
  const newKeys = new Set(saved.definition.statuses.map((s) => s.key));
  const pipeline = { ...saved.pipeline, organizationId: scope.organizationId };
  const stranded = await countStrandedRecords(tx, pipeline, newKeys);
  const moves = planStrandedMoves(stranded, input.moves ?? {}, newKeys, saved.definition.kind);
  // Moved after the version is current, so each change is recorded against it.
  const moved = await moveStrandedRecords(tx, pipeline, moves, scope, now);
  return { ...saved, moved };
}
