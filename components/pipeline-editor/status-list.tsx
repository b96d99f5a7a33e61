"use client";
// The ordered statuses: each edit goes through lib/pipelines/pipeline-edits, and focus follows a row that
// moves, so keyboard users can press Alt+Arrow repeatedly.
import { type FormEvent, useState } from "react";
import type { TLintFinding } from "@/lib/pipelines/lint-pipeline";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import {
  addStatus,
  assignStatusToPhase,
  deleteStatus,
  moveStatusDown,
  moveStatusUp,
  renameStatus,
  setSeekHistoryStatus,
  setStatusSuccess,
} from "@/lib/pipelines/pipeline-edits";
import type { TReorderDirection } from "@/lib/pipelines/reorder-shortcut";
import { StatusRow } from "./status-row";
import { buttonClass, inputClass } from "./styles";
import { useKeepFocus } from "./use-keep-focus";

export function StatusList(props: {
  idPrefix: string;
  pipeline: TPipelineDefinition;
  findings: Map<number, TLintFinding[]>;
  onChange: (pipeline: TPipelineDefinition) => void;
  announce: (message: string) => void;
}) {
  const { pipeline, onChange, announce } = props;
  const [newLabel, setNewLabel] = useState("");
  const keepFocus = useKeepFocus();
  const rowId = (index: number) => `${props.idPrefix}-statuses-${index}`;

  function move(key: string, direction: TReorderDirection) {
    const next = direction === "up" ? moveStatusUp(pipeline, key) : moveStatusDown(pipeline, key);
    if (next === pipeline) return;
    const index = next.statuses.findIndex((s) => s.key === key);
    keepFocus(() => `${rowId(index)}-label`);
    onChange(next);
    announce(`Moved “${next.statuses[index]?.label}” to position ${index + 1} of ${next.statuses.length}.`);
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const label = newLabel.trim();
    if (!label) return;
    const { pipeline: next } = addStatus(pipeline, { label });
    onChange(next);
    setNewLabel("");
    announce(`Added “${label}” as status ${next.statuses.length} of ${next.statuses.length}.`);
  }

  return (
    <div className="space-y-3">
      {pipeline.statuses.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No statuses yet. Add the statuses of your process in order, or start from a template.
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Statuses in process order">
          {pipeline.statuses.map((status, index) => (
            <StatusRow
              key={status.key}
              id={rowId(index)}
              status={status}
              index={index}
              total={pipeline.statuses.length}
              kind={pipeline.kind}
              phases={pipeline.phases}
              findings={props.findings.get(index) ?? []}
              onRename={(label) => onChange(renameStatus(pipeline, status.key, label))}
              onPhase={(phase) => onChange(assignStatusToPhase(pipeline, status.key, phase))}
              onSuccess={(success) => onChange(setStatusSuccess(pipeline, status.key, success))}
              onHistory={(code) => onChange(setSeekHistoryStatus(pipeline, status.key, code))}
              onMove={(direction) => move(status.key, direction)}
              onDelete={() => {
                onChange(deleteStatus(pipeline, status.key));
                announce(`Deleted “${status.label}”.`);
              }}
            />
          ))}
        </ol>
      )}
      <form onSubmit={add} className="flex gap-2">
        <label className="sr-only" htmlFor={`${props.idPrefix}-new-status`}>
          New status label
        </label>
        <input
          id={`${props.idPrefix}-new-status`}
          className={`${inputClass} flex-1`}
          placeholder="New status, e.g. Second interview"
          value={newLabel}
          maxLength={400}
          onChange={(e) => setNewLabel(e.target.value)}
        />
        <button type="submit" className={buttonClass} disabled={!newLabel.trim()}>
          Add status
        </button>
      </form>
    </div>
  );
}
