// The editor's phase operations and the switch between flat and two-level pipelines. Phases are ordered
// on their own: SEEK's phase index is a phase's place in this list, whatever the order of the statuses.
import { uniqueKeyFromLabel } from "./key-from-label";
import type { TPipelineDefinition, TPipelineStatus } from "./pipeline-definition";
import { clamp, moveItem } from "./pipeline-edits";

const withoutPhase = ({ phase: _phase, ...rest }: TPipelineStatus): TPipelineStatus => rest;

export function isTwoLevel(pipeline: TPipelineDefinition): boolean {
  return (pipeline.phases?.length ?? 0) > 0;
}

/**
 * Adds a phase (at `index`, default the end). The first phase of a flat pipeline takes every status, so
 * the pipeline stays valid (when phases exist, every status needs one).
 */
export function addPhase(
  pipeline: TPipelineDefinition,
  input: { label: string; index?: number },
): { pipeline: TPipelineDefinition; key: string } {
  const phases = pipeline.phases ?? [];
  const key = uniqueKeyFromLabel(
    input.label,
    phases.map((p) => p.key),
    "phase",
  );
  const next = [...phases];
  next.splice(clamp(input.index ?? phases.length, 0, phases.length), 0, { key, label: input.label });
  const statuses =
    phases.length === 0 ? pipeline.statuses.map((s) => ({ ...withoutPhase(s), phase: key })) : pipeline.statuses;
  return { pipeline: { ...pipeline, phases: next, statuses }, key };
}

export function renamePhase(pipeline: TPipelineDefinition, key: string, label: string): TPipelineDefinition {
  if (!pipeline.phases?.some((p) => p.key === key)) return pipeline;
  return { ...pipeline, phases: pipeline.phases.map((p) => (p.key === key ? { ...p, label } : p)) };
}

export function movePhase(pipeline: TPipelineDefinition, key: string, toIndex: number): TPipelineDefinition {
  if (!pipeline.phases) return pipeline;
  return { ...pipeline, phases: moveItem(pipeline.phases, key, toIndex) };
}

export function movePhaseUp(pipeline: TPipelineDefinition, key: string): TPipelineDefinition {
  const index = pipeline.phases?.findIndex((p) => p.key === key) ?? -1;
  return index <= 0 ? pipeline : movePhase(pipeline, key, index - 1);
}

export function movePhaseDown(pipeline: TPipelineDefinition, key: string): TPipelineDefinition {
  const phases = pipeline.phases ?? [];
  const index = phases.findIndex((p) => p.key === key);
  return index < 0 || index >= phases.length - 1 ? pipeline : movePhase(pipeline, key, index + 1);
}

/**
 * Deletes a phase. Its statuses move to the neighbouring phase (the one before, or after if it was first),
 * or with `statuses: "unassign"` lose their phase, which the linter reports until each gets one.
 * Deleting the last phase makes the pipeline flat.
 */
export function deletePhase(
  pipeline: TPipelineDefinition,
  key: string,
  options: { statuses: "neighbour" | "unassign" } = { statuses: "neighbour" },
): TPipelineDefinition {
  const phases = pipeline.phases ?? [];
  const index = phases.findIndex((p) => p.key === key);
  if (index < 0) return pipeline;
  const remaining = phases.filter((p) => p.key !== key);
  if (remaining.length === 0) return toFlat(pipeline);
  const neighbour = options.statuses === "neighbour" ? (phases[index - 1] ?? phases[index + 1])?.key : undefined;
  const statuses = pipeline.statuses.map((s) => {
    if (s.phase !== key) return s;
    return neighbour ? { ...s, phase: neighbour } : withoutPhase(s);
  });
  return { ...pipeline, phases: remaining, statuses };
}

/** Flat → two-level: one phase holding every status, for the hirer to split and rename. */
export function toTwoLevel(pipeline: TPipelineDefinition, phaseLabel = "Process"): TPipelineDefinition {
  if (isTwoLevel(pipeline)) return pipeline;
  return addPhase({ ...pipeline, phases: [] }, { label: phaseLabel }).pipeline;
}

/** Two-level → flat: phases are dropped; statuses keep their order, labels and outcomes. */
export function toFlat(pipeline: TPipelineDefinition): TPipelineDefinition {
  const { phases: _phases, ...rest } = pipeline;
  return { ...rest, statuses: pipeline.statuses.map(withoutPhase) };
}
