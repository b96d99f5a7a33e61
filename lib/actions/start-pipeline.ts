"use server";
// Pipelines page → "New pipeline": checks the key is free, then opens the editor on it, where the
// person starts from a template. The pipeline exists once its first version is saved.
import { redirect } from "next/navigation";
import { authorizeEditor } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { newPipelinePath } from "../paths/hirer-paths";
import { planNewPipeline, ZNewPipelineInput } from "../pipeline-editing/plan-new-pipeline";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function startPipelineAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZNewPipelineInput.parse(formFields(formData));
    const user = await authorizeEditor();
    const plan = await planNewPipeline(db(), scopeFor(user), input);
    redirect(newPipelinePath(plan));
  });
}
