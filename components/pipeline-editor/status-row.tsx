"use client";
// One status: inline label, phase, outcome, interaction-history mapping, and move / delete controls.
// Alt+ArrowUp / Alt+ArrowDown on any control in the row moves it (the row itself is not a tab stop).
import type { KeyboardEvent } from "react";
import type { TLintFinding } from "@/lib/pipelines/lint-pipeline";
import {
  SEEK_HISTORY_STATUS_CODES,
  type TPipelineKind,
  type TPipelinePhase,
  type TPipelineStatus,
} from "@/lib/pipelines/pipeline-definition";
import { reorderDirection, type TReorderDirection } from "@/lib/pipelines/reorder-shortcut";
import { SEEK_HISTORY_STATUS_LABELS } from "@/lib/pipelines/seek-history-status-labels";
import { OutcomeControl } from "./outcome-control";
import { iconButtonClass, inputClass } from "./styles";

type HistoryCode = (typeof SEEK_HISTORY_STATUS_CODES)[number];

export type StatusRowProps = {
  id: string;
  status: TPipelineStatus;
  index: number;
  total: number;
  kind: TPipelineKind;
  phases: TPipelinePhase[] | undefined;
  findings: TLintFinding[];
  onRename: (label: string) => void;
  onPhase: (phaseKey: string | undefined) => void;
  onSuccess: (success: boolean | null) => void;
  onHistory: (code: HistoryCode | null) => void;
  onMove: (direction: TReorderDirection) => void;
  onDelete: () => void;
};

export function StatusRow(props: StatusRowProps) {
  const { status, index, total, id } = props;
  const position = `${index + 1} of ${total}`;
  const name = status.label.trim() || `status ${index + 1}`;
  const hasError = props.findings.some((f) => f.severity === "error");
  const hasWarning = props.findings.length > 0;
  const border = hasError
    ? "border-rose-400 bg-rose-50/40"
    : hasWarning
      ? "border-amber-400 bg-amber-50/40"
      : "border-slate-200";

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    const direction = reorderDirection(event);
    if (!direction) return;
    event.preventDefault();
    props.onMove(direction);
  }

  return (
    <li
      id={id}
      onKeyDown={onKeyDown}
      className={`flex flex-wrap items-center gap-2 rounded-md border p-2 ${border} has-focus-visible:bg-sky-50/50`}
    >
      <span className="w-10 shrink-0 text-right font-mono text-xs text-slate-500" aria-hidden="true">
        {index + 1}/{total}
      </span>
      <div className="flex min-w-48 flex-1 flex-col">
        <input
          id={`${id}-label`}
          className={`${inputClass} w-full`}
          aria-label={`Label of status ${position}`}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          value={status.label}
          maxLength={400}
          onChange={(e) => props.onRename(e.target.value)}
        />
        <code className="mt-0.5 truncate text-[11px] text-slate-500" title="Key the ATS sends for this status">
          key: {status.key}
        </code>
      </div>
      {props.phases && props.phases.length > 0 ? (
        <select
          className={inputClass}
          aria-label={`Phase of “${name}”`}
          value={status.phase ?? ""}
          onChange={(e) => props.onPhase(e.target.value || undefined)}
        >
          <option value="">No phase</option>
          {props.phases.map((phase, i) => (
            <option key={phase.key} value={phase.key}>
              {i + 1}. {phase.label}
            </option>
          ))}
        </select>
      ) : null}
      <OutcomeControl name={`${id}-outcome`} statusLabel={name} value={status.success} onChange={props.onSuccess} />
      {props.kind === "application" ? (
        <select
          className={`${inputClass} max-w-48`}
          aria-label={`SEEK interaction history status for “${name}”`}
          value={status.seekHistoryStatus ?? ""}
          onChange={(e) => props.onHistory((e.target.value || null) as HistoryCode | null)}
        >
          <option value="">History: none</option>
          {SEEK_HISTORY_STATUS_CODES.map((code) => (
            <option key={code} value={code}>
              {SEEK_HISTORY_STATUS_LABELS[code]}
            </option>
          ))}
        </select>
      ) : null}
      <div className="ml-auto flex gap-1">
        <button
          type="button"
          className={iconButtonClass}
          aria-label={`Move “${name}” up`}
          disabled={index === 0}
          onClick={() => props.onMove("up")}
        >
          ↑
        </button>
        <button
          type="button"
          className={iconButtonClass}
          aria-label={`Move “${name}” down`}
          disabled={index === total - 1}
          onClick={() => props.onMove("down")}
        >
          ↓
        </button>
        <button
          type="button"
          className={`${iconButtonClass} hover:border-rose-400 hover:text-rose-700`}
          aria-label={`Delete “${name}”`}
          onClick={props.onDelete}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
