"use client";
import { type FormEvent, type KeyboardEvent, useState } from "react";
// Optional phases: SEEK's first level of hierarchy. A flat pipeline offers to add them; a two-level one
// edits, reorders and deletes them (a deleted phase's statuses move to its neighbour).
import { plural } from "@/lib/format/plural";
import type { TLintFinding } from "@/lib/pipelines/lint-pipeline";
import {
  addPhase,
  deletePhase,
  isTwoLevel,
  movePhaseDown,
  movePhaseUp,
  renamePhase,
  toFlat,
  toTwoLevel,
} from "@/lib/pipelines/phase-edits";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { reorderDirection } from "@/lib/pipelines/reorder-shortcut";
import { ConfirmDialog } from "../ui/dialog";
import { buttonClass, iconButtonClass, inputClass } from "./styles";
import { useKeepFocus } from "./use-keep-focus";

export function PhaseList(props: {
  idPrefix: string;
  pipeline: TPipelineDefinition;
  findings: Map<number, TLintFinding[]>;
  onChange: (pipeline: TPipelineDefinition) => void;
  announce: (message: string) => void;
}) {
  const { pipeline, onChange, announce } = props;
  const [newLabel, setNewLabel] = useState("");
  const [confirmFlat, setConfirmFlat] = useState(false);
  const phases = pipeline.phases ?? [];
  const keepFocus = useKeepFocus();
  const groupButtonId = `${props.idPrefix}-group-into-phases`;

  function move(key: string, direction: "up" | "down") {
    const next = direction === "up" ? movePhaseUp(pipeline, key) : movePhaseDown(pipeline, key);
    if (next === pipeline) return;
    const index = next.phases?.findIndex((p) => p.key === key) ?? 0;
    keepFocus(() => `${props.idPrefix}-phases-${index}-label`);
    onChange(next);
    announce(`Moved phase “${next.phases?.[index]?.label}” to position ${index + 1} of ${phases.length}.`);
  }

  if (!isTwoLevel(pipeline)) {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <p>Flat pipeline: SEEK receives statuses without phases.</p>
        <button
          id={groupButtonId}
          type="button"
          className={buttonClass}
          onClick={() => {
            onChange(toTwoLevel(pipeline));
            announce("Added a phase holding every status. Rename it and add more phases.");
          }}
        >
          Group statuses into phases
        </button>
      </div>
    );
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const label = newLabel.trim();
    if (!label) return;
    onChange(addPhase(pipeline, { label }).pipeline);
    setNewLabel("");
    announce(`Added phase “${label}”.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, key: string) {
    const direction = reorderDirection(event);
    if (!direction) return;
    event.preventDefault();
    move(key, direction);
  }

  return (
    <div className="space-y-2">
      <ol className="space-y-1.5" aria-label="Phases in process order">
        {phases.map((phase, index) => {
          const name = phase.label.trim() || `phase ${index + 1}`;
          const count = pipeline.statuses.filter((s) => s.phase === phase.key).length;
          const findings = props.findings.get(index) ?? [];
          const border = findings.some((f) => f.severity === "error")
            ? "border-rose-400"
            : findings.length
              ? "border-amber-400"
              : "border-slate-200";
          return (
            <li
              key={phase.key}
              id={`${props.idPrefix}-phases-${index}`}
              onKeyDown={(e) => onKeyDown(e, phase.key)}
              className={`flex flex-wrap items-center gap-2 rounded-md border p-1.5 ${border} has-focus-visible:bg-sky-50/50`}
            >
              <span className="w-10 shrink-0 text-right font-mono text-xs text-slate-500" aria-hidden="true">
                {index + 1}/{phases.length}
              </span>
              <input
                id={`${props.idPrefix}-phases-${index}-label`}
                className={`${inputClass} min-w-0 flex-1 basis-40`}
                aria-label={`Label of phase ${index + 1} of ${phases.length}`}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                value={phase.label}
                maxLength={400}
                onChange={(e) => onChange(renamePhase(pipeline, phase.key, e.target.value))}
              />
              {/* One group: on a phone it wraps below the label as a whole, never out of the row. */}
              <div className="ml-auto flex items-center gap-1">
                <span className="mr-1 whitespace-nowrap text-xs text-slate-500">
                  {plural(count, "status", "statuses")}
                </span>
                <button
                  type="button"
                  className={iconButtonClass}
                  aria-label={`Move phase “${name}” up`}
                  disabled={index === 0}
                  onClick={() => move(phase.key, "up")}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={iconButtonClass}
                  aria-label={`Move phase “${name}” down`}
                  disabled={index === phases.length - 1}
                  onClick={() => move(phase.key, "down")}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={`${iconButtonClass} hover:border-rose-400 hover:text-rose-700`}
                  aria-label={`Delete phase “${name}”; its statuses move to the neighbouring phase`}
                  onClick={() => {
                    onChange(deletePhase(pipeline, phase.key));
                    announce(`Deleted phase “${name}”; its statuses moved to the neighbouring phase.`);
                  }}
                >
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <form onSubmit={add} className="flex flex-1 gap-2">
          <label className="sr-only" htmlFor={`${props.idPrefix}-new-phase`}>
            New phase label
          </label>
          <input
            id={`${props.idPrefix}-new-phase`}
            className={`${inputClass} flex-1`}
            placeholder="New phase, e.g. Interview"
            value={newLabel}
            maxLength={400}
            onChange={(e) => setNewLabel(e.target.value)}
          />
          <button type="submit" className={buttonClass} disabled={!newLabel.trim()}>
            Add phase
          </button>
        </form>
        <button type="button" className={buttonClass} onClick={() => setConfirmFlat(true)}>
          Remove phases
        </button>
        <ConfirmDialog
          open={confirmFlat}
          onOpenChange={setConfirmFlat}
          title={`Remove all ${plural(phases.length, "phase", "phases")}?`}
          description="Statuses keep their order and outcomes; SEEK then receives them without phases."
          confirmLabel="Remove phases"
          cancelLabel="Keep phases"
          tone="danger"
          onConfirm={() => {
            setConfirmFlat(false);
            // The button that opened this is gone once the pipeline is flat: focus the one that replaces it.
            keepFocus(() => groupButtonId);
            onChange(toFlat(pipeline));
            announce("Removed phases: the pipeline is flat.");
          }}
          testId="remove-phases-confirm"
        />
      </div>
    </div>
  );
}
