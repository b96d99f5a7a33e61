"use client";
// The pipeline editor (placed on /pipelines by the page). All rules live in lib/pipelines: edits are pure
// functions, the linter runs on every change, and the preview uses the same seekStateFor as delivery.
// onSave is a server action; it answers with the new version number or a failure with issues by path.
import { useId, useMemo, useState } from "react";
import { groupFindings } from "@/lib/pipelines/group-findings";
import { lintPipeline } from "@/lib/pipelines/lint-pipeline";
import type { TPipelineDefinition, TPipelineKind } from "@/lib/pipelines/pipeline-definition";
import { renamePipeline } from "@/lib/pipelines/pipeline-edits";
import { exportPipelineJson } from "@/lib/pipelines/pipeline-json";
import {
  findingsFromSaveIssues,
  type TPipelineSaveResult,
  type TStatusInUse,
} from "@/lib/pipelines/pipeline-save-result";
import type { TPipelineTemplate } from "@/lib/pipelines/pipeline-templates";
import { ConfirmDialog } from "../ui/dialog";
import { ImportExport } from "./import-export";
import { LintPanel } from "./lint-panel";
import { PhaseList } from "./phase-list";
import { SeekPreview } from "./seek-preview";
import { StatusList } from "./status-list";
import { StrandedMoves } from "./stranded-moves";
import { inputClass, primaryButtonClass, sectionClass } from "./styles";
import { TemplatePicker } from "./template-picker";

export type PipelineEditorProps = {
  initial: TPipelineDefinition | null;
  kind: TPipelineKind;
  templates: readonly TPipelineTemplate[];
  /** `moves`: where records in statuses this version drops go, once the editor has asked */
  onSave: (definition: TPipelineDefinition, moves?: Record<string, string>) => Promise<TPipelineSaveResult>;
};

type SaveMessage = { ok: boolean; text: string };

/** A replacement waiting for the person to confirm that unsaved changes may go. */
type PendingReplace = { next: TPipelineDefinition; what: string };

export function PipelineEditor(props: PipelineEditorProps) {
  const idPrefix = useId();
  const [pipeline, setPipeline] = useState<TPipelineDefinition | null>(props.initial);
  const [savedJson, setSavedJson] = useState(() => (props.initial ? exportPipelineJson(props.initial) : null));
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<SaveMessage | null>(null);
  const [serverFindings, setServerFindings] = useState<ReturnType<typeof findingsFromSaveIssues>>([]);
  const [announcement, setAnnouncement] = useState("");
  const [saved, setSaved] = useState<TPipelineDefinition | null>(props.initial);
  const [inUse, setInUse] = useState<TStatusInUse[]>([]);
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [pendingReplace, setPendingReplace] = useState<PendingReplace | null>(null);

  const findings = useMemo(
    () => [...serverFindings, ...(pipeline ? lintPipeline(pipeline) : [])],
    [pipeline, serverFindings],
  );
  const grouped = useMemo(() => groupFindings(findings), [findings]);
  const errorCount = findings.filter((f) => f.severity === "error").length;
  const dirty = pipeline !== null && exportPipelineJson(pipeline) !== savedJson;

  function change(next: TPipelineDefinition) {
    setPipeline(next);
    setServerFindings([]);
    setSaveMessage(null);
    // The question was about the version as it was; an edit may change what it drops.
    setInUse([]);
    setMoves({});
  }

  function replace(next: TPipelineDefinition, what: string) {
    if (dirty) setPendingReplace({ next, what });
    else replaceNow({ next, what });
  }

  function replaceNow({ next, what }: PendingReplace) {
    setPendingReplace(null);
    change(next);
    setAnnouncement(`Replaced the pipeline with ${what}.`);
  }

  function pickTemplate(template: TPipelineTemplate | null) {
    const name = props.kind === "application" ? "Hiring process" : "Position lifecycle";
    const next = template ? structuredClone(template.definition) : { name, kind: props.kind, statuses: [] };
    replace(next, template ? `the template “${template.name}”` : "a blank pipeline");
  }

  async function save() {
    if (!pipeline || errorCount > 0) return;
    setSaving(true);
    setSaveMessage(null);
    try {
      const asked = inUse.length > 0;
      const result = await props.onSave(pipeline, asked ? moves : undefined);
      if (result.ok) {
        setSavedJson(exportPipelineJson(pipeline));
        setSaved(pipeline);
        setInUse([]);
        setMoves({});
        setSaveMessage({ ok: true, text: `Saved as version ${result.version}.` });
      } else {
        setServerFindings(findingsFromSaveIssues(result.issues));
        if (result.inUse) {
          setInUse(result.inUse);
          setSaveMessage({ ok: false, text: "Not saved: choose where records in the dropped statuses go." });
        } else setSaveMessage({ ok: false, text: result.message });
      }
    } catch {
      setSaveMessage({ ok: false, text: "Saving failed unexpectedly. Your changes are still here; try again." });
    } finally {
      setSaving(false);
    }
  }

  // Both returns below carry it: the live region, and the question a replacement may ask first.
  const liveRegion = (
    <>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ConfirmDialog
        open={pendingReplace !== null}
        onOpenChange={(open) => {
          if (!open) setPendingReplace(null);
        }}
        title="Replace the pipeline you are editing?"
        description={
          pendingReplace
            ? `It becomes ${pendingReplace.what}. Your unsaved changes are lost; saved versions stay as they are.`
            : undefined
        }
        confirmLabel="Replace it"
        cancelLabel="Keep editing"
        tone="danger"
        onConfirm={() => pendingReplace && replaceNow(pendingReplace)}
        testId="replace-pipeline-confirm"
      />
    </>
  );

  if (!pipeline) {
    return (
      <div className="space-y-6">
        {liveRegion}
        <section className={sectionClass} aria-labelledby={`${idPrefix}-start`}>
          <h2 id={`${idPrefix}-start`} className="mb-3 text-base font-semibold">
            Start {props.kind === "application" ? "an application" : "a position"} pipeline
          </h2>
          <TemplatePicker kind={props.kind} templates={props.templates} onPick={pickTemplate} />
        </section>
        <ImportExport
          idPrefix={idPrefix}
          kind={props.kind}
          pipeline={null}
          onImport={(next) => replace(next, "the imported pipeline")}
        />
      </div>
    );
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      {liveRegion}
      <div className="min-w-0 space-y-6">
        <section className={`${sectionClass} flex flex-wrap items-end gap-3`} aria-label="Pipeline">
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor={`${idPrefix}-name`} className="text-sm font-medium text-slate-700">
              Pipeline name
            </label>
            <input
              id={`${idPrefix}-name`}
              className={inputClass}
              value={pipeline.name}
              maxLength={400}
              onChange={(e) => change(renamePipeline(pipeline, e.target.value))}
            />
          </div>
          <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700">
            {pipeline.kind} pipeline
          </span>
          <div className="flex flex-col items-end gap-1">
            <button
              type="button"
              className={primaryButtonClass}
              onClick={save}
              disabled={saving || errorCount > 0 || inUse.length > 0}
              aria-describedby={`${idPrefix}-save-state`}
            >
              {saving ? "Saving…" : "Save new version"}
            </button>
            <p id={`${idPrefix}-save-state`} className="text-xs text-slate-600" role="status">
              {saveMessage ? (
                <span className={saveMessage.ok ? "text-emerald-800" : "text-rose-800"}>{saveMessage.text}</span>
              ) : errorCount > 0 ? (
                `Fix ${errorCount} ${errorCount === 1 ? "error" : "errors"} to save.`
              ) : dirty ? (
                "Unsaved changes."
              ) : (
                "No unsaved changes."
              )}
            </p>
          </div>
        </section>

        {inUse.length > 0 ? (
          <StrandedMoves
            idPrefix={idPrefix}
            inUse={inUse}
            saved={saved}
            pipeline={pipeline}
            moves={moves}
            onChange={setMoves}
            onSave={save}
            saving={saving}
          />
        ) : null}

        <section className={sectionClass} aria-labelledby={`${idPrefix}-phases`}>
          <h2 id={`${idPrefix}-phases`} className="mb-3 text-base font-semibold">
            Phases <span className="font-normal text-slate-500">(optional)</span>
          </h2>
          <PhaseList
            idPrefix={idPrefix}
            pipeline={pipeline}
            findings={grouped.phases}
            onChange={change}
            announce={setAnnouncement}
          />
        </section>

        <section className={sectionClass} aria-labelledby={`${idPrefix}-statuses`}>
          <h2 id={`${idPrefix}-statuses`} className="text-base font-semibold">
            Statuses
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            In process order, exactly as hirers see them. Focus a row and press Alt+↑ / Alt+↓ to move it.
          </p>
          <StatusList
            idPrefix={idPrefix}
            pipeline={pipeline}
            findings={grouped.statuses}
            onChange={change}
            announce={setAnnouncement}
          />
        </section>

        <div className={sectionClass}>
          <SeekPreview idPrefix={idPrefix} pipeline={pipeline} />
        </div>

        <ImportExport
          idPrefix={idPrefix}
          kind={props.kind}
          pipeline={pipeline}
          onImport={(next) => replace(next, "the imported pipeline")}
        />

        <details className={sectionClass}>
          <summary className="cursor-pointer text-sm font-semibold">Start over from a template</summary>
          <div className="mt-3">
            <TemplatePicker kind={props.kind} templates={props.templates} onPick={pickTemplate} />
          </div>
        </details>
      </div>
      <aside className={`${sectionClass} self-start xl:sticky xl:top-4`}>
        <LintPanel idPrefix={idPrefix} pipeline={pipeline} findings={findings} />
      </aside>
    </div>
  );
}
