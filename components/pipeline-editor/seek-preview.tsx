"use client";
// What SEEK would receive in a signal's `current` for each status, computed by the same code the
// delivery uses (seekStateFor), so the hirer sees index/total exactly as sent.
import { Table, type TTableColumn } from "@/components/ui/table";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { seekPreviewRows } from "@/lib/pipelines/seek-preview-rows";

function successText(success: boolean | null): string {
  if (success === null) return "null (not final)";
  return success ? "true (final, successful)" : "false (final, unsuccessful)";
}

type PreviewColumn = "phaseLabel" | "phaseIndex" | "statusLabel" | "statusIndex" | "success";
// Values as SEEK gets them, so in monospace; the status label names its row.
const VALUE = "font-mono text-xs";
const PHASE_COLUMNS: TTableColumn<PreviewColumn>[] = [
  { id: "phaseLabel", header: "phase.label", cellClassName: VALUE },
  { id: "phaseIndex", header: "phase.index / total", cellClassName: VALUE },
];
const STATUS_COLUMNS: TTableColumn<PreviewColumn>[] = [
  { id: "statusLabel", header: "status.label", rowHeader: true, cellClassName: VALUE },
  { id: "statusIndex", header: "status.index / total", cellClassName: VALUE },
  { id: "success", header: "success", cellClassName: VALUE },
];

export function SeekPreview(props: { idPrefix: string; pipeline: TPipelineDefinition }) {
  const rows = seekPreviewRows(props.pipeline);
  const hasPhases = rows.some((row) => row.state.phase);
  return (
    <section aria-labelledby={`${props.idPrefix}-preview-title`} className="space-y-2">
      <h2 id={`${props.idPrefix}-preview-title`} className="text-base font-semibold">
        What SEEK receives
      </h2>
      <p className="text-sm text-slate-600">
        For each status, the <code>current</code> state of the{" "}
        <code>{props.pipeline.kind === "application" ? "ApplicationStatusUpdate" : "PositionStatusUpdate"}</code>{" "}
        signal.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Add statuses to see the preview.</p>
      ) : (
        <Table
          density="compact"
          columns={hasPhases ? [...PHASE_COLUMNS, ...STATUS_COLUMNS] : STATUS_COLUMNS}
          caption="What SEEK receives for each status"
          align="top"
          rows={rows.map(({ key, state }) => ({
            id: key,
            cells: {
              phaseLabel: state.phase?.label ?? "(none: invalid)",
              phaseIndex: state.phase ? `${state.phase.index} / ${state.phase.total}` : "-",
              statusLabel: state.status.label,
              statusIndex: `${state.status.index} / ${state.status.total}`,
              success: (
                <span
                  className={
                    state.success === true ? "text-emerald-700" : state.success === false ? "text-rose-700" : undefined
                  }
                >
                  {successText(state.success)}
                </span>
              ),
            },
          }))}
        />
      )}
    </section>
  );
}
