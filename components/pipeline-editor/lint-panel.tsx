"use client";
// The linter's findings beside the editor: errors (red) block saving, warnings (amber) are SEEK's advice.
// Each finding names its row and can move focus to it.
import { findingTarget, sortFindings } from "@/lib/pipelines/group-findings";
import type { TLintFinding } from "@/lib/pipelines/lint-pipeline";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { focusRing } from "./styles";

function targetName(pipeline: TPipelineDefinition, finding: TLintFinding): string | undefined {
  const target = findingTarget(finding);
  if (!target) return undefined;
  const item = target.list === "statuses" ? pipeline.statuses[target.index] : pipeline.phases?.[target.index];
  const what = target.list === "statuses" ? "Status" : "Phase";
  const label = item?.label.trim();
  return label ? `${what} ${target.index + 1} · ${label}` : `${what} ${target.index + 1}`;
}

export function LintPanel(props: {
  idPrefix: string;
  pipeline: TPipelineDefinition;
  findings: TLintFinding[];
  title?: string;
}) {
  const errors = props.findings.filter((f) => f.severity === "error").length;
  const warnings = props.findings.length - errors;

  function locate(finding: TLintFinding) {
    const target = findingTarget(finding);
    if (!target) return;
    const id = `${props.idPrefix}-${target.list}-${target.index}`;
    document.getElementById(id)?.scrollIntoView({ block: "center", behavior: "smooth" });
    document.getElementById(`${id}-label`)?.focus({ preventScroll: true });
  }

  return (
    <section aria-labelledby={`${props.idPrefix}-lint-title`} className="space-y-3">
      <h2 id={`${props.idPrefix}-lint-title`} className="text-base font-semibold">
        {props.title ?? "Checks"}
      </h2>
      <p className="text-sm text-slate-600" aria-live="polite">
        {props.findings.length === 0
          ? "No findings: this pipeline follows SEEK's modelling guidance."
          : `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`}
      </p>
      <ul className="space-y-2">
        {sortFindings(props.findings).map((finding, i) => {
          const name = targetName(props.pipeline, finding);
          const isError = finding.severity === "error";
          return (
            <li
              // Findings have no identity of their own; the list is recomputed from the pipeline on each change.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={`${finding.code}-${finding.path.join(".")}-${i}`}
              className={`rounded-md border-l-4 p-2 text-sm ${
                isError ? "border-rose-600 bg-rose-50 text-rose-950" : "border-amber-500 bg-amber-50 text-amber-950"
              }`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${
                    isError ? "bg-rose-700 text-white" : "bg-amber-700 text-white"
                  }`}
                >
                  {isError ? "Error" : "Warning"}
                </span>
                {name ? (
                  <button
                    type="button"
                    className={`truncate text-left font-medium underline decoration-dotted underline-offset-2 ${focusRing}`}
                    onClick={() => locate(finding)}
                    aria-label={`Go to ${name}`}
                  >
                    {name}
                  </button>
                ) : null}
              </div>
              <p className="mt-1">{finding.message}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
