// What SEEK receives for a status: phase and status label/index/total, 1-based, so the last index equals
// the total (seed 001). Phases are indexed by their place in the phases list.
import type { TPipelineDefinition } from "./pipeline-definition";

export type SeekPosition = { label: string; index: number; total: number };
export type SeekStatusState = { phase?: SeekPosition; status: SeekPosition; success: boolean | null };

export function seekStateFor(pipeline: TPipelineDefinition, statusKey: string): SeekStatusState | undefined {
  const statusIndex = pipeline.statuses.findIndex((s) => s.key === statusKey);
  const status = pipeline.statuses[statusIndex];
  if (!status) return undefined;
  const state: SeekStatusState = {
    status: { label: status.label, index: statusIndex + 1, total: pipeline.statuses.length },
    success: status.success,
  };
  const phases = pipeline.phases ?? [];
  const phaseIndex = status.phase ? phases.findIndex((p) => p.key === status.phase) : -1;
  const phase = phases[phaseIndex];
  if (phase) state.phase = { label: phase.label, index: phaseIndex + 1, total: phases.length };
  return state;
}
