"use client";
// Shown when a save was refused because the new version drops statuses records are still in
// (STATUS_IN_USE): one question per dropped status, "14 applications are in First interview: move them
// to …", and a save that carries the answers. Nothing is moved until the hirer has chosen for each one.
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import type { TStatusInUse } from "@/lib/pipelines/pipeline-save-result";
import { inputClass, primaryButtonClass } from "./styles";

export function strandedQuestion(inUse: TStatusInUse, label: string, record: "application" | "position"): string {
  const many = inUse.count !== 1;
  return `${inUse.count} ${record}${many ? "s are" : " is"} in ${label}: move ${many ? "them" : "it"} to`;
}

export function StrandedMoves(props: {
  idPrefix: string;
  inUse: readonly TStatusInUse[];
  /** the last saved version, where the dropped statuses' labels are */
  saved: TPipelineDefinition | null;
  pipeline: TPipelineDefinition;
  moves: Record<string, string>;
  onChange: (moves: Record<string, string>) => void;
  onSave: () => void;
  saving: boolean;
}) {
  const record = props.pipeline.kind;
  const labelOf = (key: string) => props.saved?.statuses.find((s) => s.key === key)?.label ?? key;
  const answered = props.inUse.every((s) => props.moves[s.status]);
  return (
    <section
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      aria-labelledby={`${props.idPrefix}-stranded`}
      role="alert"
    >
      <h2 id={`${props.idPrefix}-stranded`} className="mb-2 text-base font-semibold text-amber-950">
        This version drops statuses still in use
      </h2>
      <ul className="space-y-2">
        {props.inUse.map((s) => {
          const id = `${props.idPrefix}-move-${s.status}`;
          return (
            <li key={s.status} className="flex flex-wrap items-center gap-2 text-sm text-amber-950">
              <label htmlFor={id}>{strandedQuestion(s, labelOf(s.status), record)}</label>
              <select
                id={id}
                className={inputClass}
                value={props.moves[s.status] ?? ""}
                onChange={(e) => props.onChange({ ...props.moves, [s.status]: e.target.value })}
              >
                <option value="">Choose a status…</option>
                {props.pipeline.statuses.map((target) => (
                  <option key={target.key} value={target.key}>
                    {target.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-amber-900">
        Each moves as a normal status change, recorded at the save and sent to the job boards.
      </p>
      <button
        type="button"
        className={`${primaryButtonClass} mt-3`}
        onClick={props.onSave}
        disabled={!answered || props.saving}
      >
        {props.saving ? "Saving…" : "Move and save new version"}
      </button>
    </section>
  );
}
