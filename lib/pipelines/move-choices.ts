// What a "Move to" control offers: the statuses of the pipeline's current version (the version a move is
// recorded with), in process order, and which one to preselect. Pure, shared by positions and
// applications; the reason text is shown when no move is possible.
import type { TPipelineDefinition } from "./pipeline-definition";

export type TMoveChoice = { key: string; label: string; current: boolean };

export type TMoveChoices =
  | { available: true; pipelineKey: string; version: number; choices: TMoveChoice[]; preselected: string }
  | { available: false; reason: string };

export type TCurrentPipeline = {
  key: string;
  version: { id: string; version: number; definition: TPipelineDefinition } | null;
} | null;

export function moveChoices(
  pipeline: TCurrentPipeline,
  current: { statusKey: string | null; versionId: string | null },
  what: { record: "application" | "position"; field: "pipeline" | "applicationPipeline" },
): TMoveChoices {
  if (!pipeline) {
    return {
      available: false,
      reason: `This ${what.record} has no pipeline to move through: the ATS sets "${what.field}" on the position.`,
    };
  }
  if (!pipeline.version || pipeline.version.definition.statuses.length === 0) {
    return { available: false, reason: `Pipeline "${pipeline.key}" has no saved version yet.` };
  }
  const { id, version, definition } = pipeline.version;
  // Only a status in the same version counts as "current": after a new version, the same key is a move.
  const currentKey = current.versionId === id ? current.statusKey : null;
  const choices = definition.statuses.map((s) => ({ key: s.key, label: s.label, current: s.key === currentKey }));
  return { available: true, pipelineKey: pipeline.key, version, choices, preselected: preselect(choices, current) };
}

/** The status after the current one (by key, whatever the version), else the first. */
function preselect(choices: readonly TMoveChoice[], current: { statusKey: string | null }): string {
  const index = current.statusKey ? choices.findIndex((c) => c.key === current.statusKey) : -1;
  const next = choices[index + 1] ?? choices[index] ?? choices[0];
  return next?.key ?? "";
}
