"use client";
// Starting points: SEEK-shaped templates of the editor's kind, or a blank pipeline.
import type { TPipelineKind } from "@/lib/pipelines/pipeline-definition";
import type { TPipelineTemplate } from "@/lib/pipelines/pipeline-templates";
import { buttonClass } from "./styles";

export function TemplatePicker(props: {
  kind: TPipelineKind;
  templates: readonly TPipelineTemplate[];
  onPick: (template: TPipelineTemplate | null) => void;
}) {
  const templates = props.templates.filter((t) => t.kind === props.kind);
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {templates.map((template) => (
        <li key={template.key} className="flex flex-col rounded-md border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold">{template.name}</h3>
          <p className="mt-1 flex-1 text-sm text-slate-600">{template.description}</p>
          <button
            type="button"
            className={`${buttonClass} mt-3 self-start`}
            aria-label={`Start from template: ${template.name}`}
            onClick={() => props.onPick(template)}
          >
            Use this template
          </button>
        </li>
      ))}
      <li className="flex flex-col rounded-md border border-dashed border-slate-300 p-3">
        <h3 className="text-sm font-semibold">Blank</h3>
        <p className="mt-1 flex-1 text-sm text-slate-600">Start with no statuses and add your own.</p>
        <button
          type="button"
          className={`${buttonClass} mt-3 self-start`}
          aria-label="Start from a blank pipeline"
          onClick={() => props.onPick(null)}
        >
          Start blank
        </button>
      </li>
    </ul>
  );
}
