// The editor's status operations, as pure functions from one definition to the next. An unknown key
// leaves the pipeline unchanged. Keys are generated once and never follow a rename: the ATS sends them.

import type { z } from "zod";
import { uniqueKeyFromLabel } from "./key-from-label";
import type { TPipelineDefinition, TPipelineStatus, ZSeekHistoryStatusCode } from "./pipeline-definition";

type Success = boolean | null;
type HistoryStatus = z.infer<typeof ZSeekHistoryStatusCode>;

function updateStatus(
  pipeline: TPipelineDefinition,
  key: string,
  change: (status: TPipelineStatus) => TPipelineStatus,
): TPipelineDefinition {
  if (!pipeline.statuses.some((s) => s.key === key)) return pipeline;
  return { ...pipeline, statuses: pipeline.statuses.map((s) => (s.key === key ? change(s) : s)) };
}

export function renamePipeline(pipeline: TPipelineDefinition, name: string): TPipelineDefinition {
  return { ...pipeline, name };
}

/**
 * Adds a status (at `index`, default the end) with a key made from its label. In a two-level pipeline it
 * joins the given phase, else the phase of the status before it, else the first phase.
 */
export function addStatus(
  pipeline: TPipelineDefinition,
  input: { label: string; phase?: string; success?: Success; index?: number },
): { pipeline: TPipelineDefinition; key: string } {
  const key = uniqueKeyFromLabel(
    input.label,
    pipeline.statuses.map((s) => s.key),
  );
  const index = clamp(input.index ?? pipeline.statuses.length, 0, pipeline.statuses.length);
  const phases = pipeline.phases ?? [];
  const phase =
    phases.length === 0
      ? undefined
      : (input.phase ?? pipeline.statuses[index - 1]?.phase ?? pipeline.statuses[index]?.phase ?? phases[0]?.key);
  const status: TPipelineStatus = {
    key,
    label: input.label,
    ...(phase ? { phase } : {}),
    success: input.success ?? null,
  };
  const statuses = [...pipeline.statuses];
  statuses.splice(index, 0, status);
  return { pipeline: { ...pipeline, statuses }, key };
}

export function renameStatus(pipeline: TPipelineDefinition, key: string, label: string): TPipelineDefinition {
  return updateStatus(pipeline, key, (s) => ({ ...s, label }));
}

/** Moves a status to `toIndex` (clamped to the list); index/total sent to SEEK follow the new order. */
export function moveStatus(pipeline: TPipelineDefinition, key: string, toIndex: number): TPipelineDefinition {
  return { ...pipeline, statuses: moveItem(pipeline.statuses, key, toIndex) };
}

export function moveStatusUp(pipeline: TPipelineDefinition, key: string): TPipelineDefinition {
  const index = pipeline.statuses.findIndex((s) => s.key === key);
  return index <= 0 ? pipeline : moveStatus(pipeline, key, index - 1);
}

export function moveStatusDown(pipeline: TPipelineDefinition, key: string): TPipelineDefinition {
  const index = pipeline.statuses.findIndex((s) => s.key === key);
  return index < 0 || index >= pipeline.statuses.length - 1 ? pipeline : moveStatus(pipeline, key, index + 1);
}

/**
 * Removes a status. A phase it leaves empty stays (the hirer may be about to refill it); the linter
 * warns about it, because an empty phase still counts in the phase total.
 */
export function deleteStatus(pipeline: TPipelineDefinition, key: string): TPipelineDefinition {
  if (!pipeline.statuses.some((s) => s.key === key)) return pipeline;
  return { ...pipeline, statuses: pipeline.statuses.filter((s) => s.key !== key) };
}

/** Puts a status in a phase, or takes it out of any (`undefined`: the linter then reports it). */
export function assignStatusToPhase(
  pipeline: TPipelineDefinition,
  key: string,
  phaseKey: string | undefined,
): TPipelineDefinition {
  return updateStatus(pipeline, key, ({ phase: _old, ...rest }) => (phaseKey ? { ...rest, phase: phaseKey } : rest));
}

/** true: final-successful (placed / filled); false: final-unsuccessful; null: not final. */
export function setStatusSuccess(pipeline: TPipelineDefinition, key: string, success: Success): TPipelineDefinition {
  return updateStatus(pipeline, key, (s) => ({ ...s, success }));
}

/** The SEEK interaction-history status this status corresponds to; null removes the mapping. */
export function setSeekHistoryStatus(
  pipeline: TPipelineDefinition,
  key: string,
  code: HistoryStatus | null,
): TPipelineDefinition {
  return updateStatus(pipeline, key, ({ seekHistoryStatus: _old, ...rest }) =>
    code ? { ...rest, seekHistoryStatus: code } : rest,
  );
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

export function moveItem<T extends { key: string }>(items: T[], key: string, toIndex: number): T[] {
  const from = items.findIndex((item) => item.key === key);
  const item = items[from];
  if (!item) return items;
  const to = clamp(toIndex, 0, items.length - 1);
  if (to === from) return items;
  const rest = items.filter((_, i) => i !== from);
  rest.splice(to, 0, item);
  return rest;
}
