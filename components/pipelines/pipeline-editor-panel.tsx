"use client";
// Puts the PipelineEditor on its page: saving goes to the bound server action; after the first save of a
// new pipeline the address drops the "new" parameters, so a reload shows the saved pipeline.
import { useRouter } from "next/navigation";
import { PipelineEditor } from "@/components/pipeline-editor/pipeline-editor";
import type { TPipelineDefinition, TPipelineKind } from "@/lib/pipelines/pipeline-definition";
import type { TPipelineSaveResult } from "@/lib/pipelines/pipeline-save-result";
import type { TPipelineTemplate } from "@/lib/pipelines/pipeline-templates";

export function PipelineEditorPanel(props: {
  initial: TPipelineDefinition | null;
  kind: TPipelineKind;
  templates: readonly TPipelineTemplate[];
  save: (definition: TPipelineDefinition, moves?: Record<string, string>) => Promise<TPipelineSaveResult>;
  /** where to go after the first successful save (new pipelines only) */
  savedHref?: string;
}) {
  const router = useRouter();
  const { save, savedHref } = props;
  return (
    <PipelineEditor
      initial={props.initial}
      kind={props.kind}
      templates={props.templates}
      onSave={async (definition, moves) => {
        const result = await save(definition, moves);
        if (result.ok && savedHref) router.replace(savedHref, { scroll: false });
        return result;
      }}
    />
  );
}
