// A record keeps the pipeline version its status was recorded with: saving a new version moves nobody
// (only the strand guard does, for statuses a version drops). Its "Move to" list offers the current
// version's statuses (move-choices.ts) and a move records it on the current version. This says, in words
// a hirer can act on, when the version it is on is not the current one. Pure; shared by applications and
// positions.
import type { TPipelineDefinition } from "./pipeline-definition";

export type TRecordedVersion = { pipelineId: string; pipelineName: string; version: number } | null;

export type TCurrentVersionOf = {
  id: string;
  name: string;
  version: { version: number; definition: TPipelineDefinition } | null;
} | null;

export type TVersionLag = {
  /** "On version 3 of Graduate pipeline; the current version is 5." */
  headline: string;
  /** what that means for its status and for the "Move to" list */
  meaning: string;
};

/** Null when the record is on the current version (or has no status, or nothing to compare with). */
export function versionLag(
  recorded: TRecordedVersion,
  pipeline: TCurrentVersionOf,
  status: { key: string; label: string } | null,
): TVersionLag | null {
  const current = pipeline?.version;
  if (!recorded || !pipeline || !current || !status) return null;
  const samePipeline = recorded.pipelineId === pipeline.id;
  if (samePipeline && recorded.version >= current.version) return null;

  const headline = samePipeline
    ? `On version ${recorded.version} of ${pipeline.name}; the current version is ${current.version}.`
    : `On version ${recorded.version} of ${recorded.pipelineName}; the position now uses ${pipeline.name} (version ${current.version}).`;
  const target = samePipeline ? `version ${current.version}` : `${pipeline.name} version ${current.version}`;
  const kept = current.definition.statuses.find((s) => s.key === status.key);
  const statusNow = kept
    ? `“${status.label}” stays as version ${recorded.version} defined it until the next move`
    : `${target.charAt(0).toUpperCase()}${target.slice(1)} has no status “${status.label}”`;
  return {
    headline,
    meaning: `${statusNow}. “Move to” offers the statuses of ${target}, and a move records it on ${target}.`,
  };
}
