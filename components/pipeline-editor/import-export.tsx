"use client";
// JSON in the API's shape: export to copy or download, import by pasting (checked as you type; SEEK's
// two-level limit and the linter apply before anything replaces the pipeline).
import { useMemo, useState } from "react";
import type { TPipelineDefinition, TPipelineKind } from "@/lib/pipelines/pipeline-definition";
import { exportPipelineJson, importPipelineJson } from "@/lib/pipelines/pipeline-json";
import { formatLintPath } from "@/lib/pipelines/zod-issue-findings";
import { buttonClass, inputClass, primaryButtonClass } from "./styles";

export function ImportExport(props: {
  idPrefix: string;
  kind: TPipelineKind;
  pipeline: TPipelineDefinition | null;
  onImport: (pipeline: TPipelineDefinition) => void;
}) {
  const [text, setText] = useState("");
  const [copied, setCopied] = useState(false);
  const exported = props.pipeline ? exportPipelineJson(props.pipeline) : "";
  const result = useMemo(() => (text.trim() ? importPipelineJson(text, props.kind) : undefined), [text, props.kind]);

  async function copy() {
    await navigator.clipboard.writeText(exported);
    setCopied(true);
  }

  function download() {
    const url = URL.createObjectURL(new Blob([exported], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${props.pipeline?.name.trim().replace(/[^A-Za-z0-9._-]+/g, "-") || "pipeline"}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-semibold">Export JSON</summary>
        <div className="mt-2 space-y-2">
          <label className="block text-sm text-slate-600" htmlFor={`${props.idPrefix}-export`}>
            The pipeline as <code>PUT /api/v1/pipelines/&#123;key&#125;</code> accepts it
          </label>
          <textarea
            id={`${props.idPrefix}-export`}
            readOnly
            rows={10}
            className={`${inputClass} w-full font-mono text-xs`}
            value={exported}
          />
          <div className="flex gap-2">
            <button type="button" className={buttonClass} onClick={copy} disabled={!exported}>
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" className={buttonClass} onClick={download} disabled={!exported}>
              Download
            </button>
          </div>
        </div>
      </details>
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-semibold">Import JSON</summary>
        <div className="mt-2 space-y-2">
          <label className="block text-sm text-slate-600" htmlFor={`${props.idPrefix}-import`}>
            Paste {props.kind === "application" ? "an application" : "a position"} pipeline in the API's shape
          </label>
          <textarea
            id={`${props.idPrefix}-import`}
            rows={10}
            className={`${inputClass} w-full font-mono text-xs`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
          {result ? (
            <ul className="space-y-1 text-sm" aria-live="polite">
              {result.findings.length === 0 ? <li className="text-emerald-800">Looks good.</li> : null}
              {result.findings.map((finding, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings are recomputed from the text on each change
                  key={i}
                  className={finding.severity === "error" ? "text-rose-800" : "text-amber-800"}
                >
                  <span className="font-semibold">{finding.severity === "error" ? "Error" : "Warning"}</span>
                  {finding.path.length ? <code className="mx-1">{formatLintPath(finding.path)}</code> : " "}
                  {finding.message}
                </li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            className={primaryButtonClass}
            disabled={!result?.ok}
            onClick={() => {
              if (!result?.ok) return;
              props.onImport(result.definition);
              setText("");
            }}
          >
            Replace the pipeline with this
          </button>
        </div>
      </details>
    </div>
  );
}
