// The editor's preview: for each status, the state SEEK would receive in a signal's `current`. Labels are
// shown as the API stores them (trimmed by the schema) whenever the pipeline is valid.
import { type TPipelineDefinition, ZPipelineDefinition } from "./pipeline-definition";
import { type SeekStatusState, seekStateFor } from "./seek-state";

export type TSeekPreviewRow = { key: string; state: SeekStatusState };

export function seekPreviewRows(pipeline: TPipelineDefinition): TSeekPreviewRow[] {
  const parsed = ZPipelineDefinition.safeParse(pipeline);
  const sent = parsed.success ? parsed.data : pipeline;
  return sent.statuses.flatMap((status) => {
    const state = seekStateFor(sent, status.key);
    return state ? [{ key: status.key, state }] : [];
  });
}
