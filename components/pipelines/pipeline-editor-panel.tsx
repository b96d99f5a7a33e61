"use client";
// Puts the PipelineEditor on its page: saving goes to the bound server action; after the first save of a
// new pipeline the address drops the "new" parameters, so a reload shows the saved pipeline. In the
// embedded portal, a save is told to the ATS page (`signalhouse:pipeline-saved`), and a viewer gets the
// editor disabled (the action refuses them too).
import { useRouter } from "next/navigation";
import { PipelineEditor } from "@/components/pipeline-editor/pipeline-editor";
import type { TPipelineDefinition, TPipelineKind } from "@/lib/pipelines/pipeline-definition";
import type { TPipelineSaveResult } from "@/lib/pipelines/pipeline-save-result";
import type { TPipelineTemplate } from "@/lib/pipelines/pipeline-templates";
import { usePortalBridge } from "../portal/portal-bridge";

export function PipelineEditorPanel(props: {
  initial: TPipelineDefinition | null;
  kind: TPipelineKind;
  templates: readonly TPipelineTemplate[];
  save: (definition: TPipelineDefinition, moves?: Record<string, string>) => Promise<TPipelineSaveResult>;
  /** where to go after the first successful save (new pipelines only) */
  savedHref?: string;
  /** the pipeline's key, named in the portal's pipeline-saved message */
  pipelineKey?: string;
  /** look, do not touch (a portal viewer) */
  readOnly?: boolean;
}) {
  const router = useRouter();
  const bridge = usePortalBridge();
  const { save, savedHref, pipelineKey } = props;
  const editor = (
    <PipelineEditor
      initial={props.initial}
      kind={props.kind}
      templates={props.templates}
      onSave={async (definition, moves) => {
        const result = await save(definition, moves);
        if (result.ok && bridge && pipelineKey) {
          bridge.post({ type: "signalhouse:pipeline-saved", pipeline: pipelineKey, version: result.version });
        }
        if (result.ok && savedHref) router.replace(savedHref, { scroll: false });
        return result;
      }}
    />
  );
  if (!props.readOnly) return editor;
  return (
    <div className="space-y-3">
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="read-only-note">
        View only: you can look at this pipeline but not change it.
      </p>
      <fieldset disabled className="min-w-0">
        {editor}
      </fieldset>
    </div>
  );
}
