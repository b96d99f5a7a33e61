"use server";
// Pipeline page → the editor's "Save new version". The page binds the organization and key; both come
// back from the browser, so they are checked again here against the caller's scope.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeEditor } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { saveEditedPipeline } from "../pipeline-editing/save-edited-pipeline";
import type { TPipelineDefinition } from "../pipelines/pipeline-definition";
import { pipelineSaveFailure, type TPipelineSaveResult } from "../pipelines/pipeline-save-result";

const ZTarget = z.object({ organizationId: z.string().min(1).max(100), key: z.string().min(1).max(100) });
const ZMoves = z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional();

export async function savePipelineAction(
  organizationId: string,
  key: string,
  definition: TPipelineDefinition,
  /** where records in statuses this version drops go, once the editor has asked (STATUS_IN_USE) */
  moves?: Record<string, string>,
): Promise<TPipelineSaveResult> {
  try {
    const target = ZTarget.parse({ organizationId, key });
    const user = await authorizeEditor();
    const saved = await saveEditedPipeline(db(), scopeFor(user), { ...target, definition, moves: ZMoves.parse(moves) });
    revalidatePath("/pipelines");
    revalidatePath("/pipelines/[key]", "page");
    if (saved.moved.length) revalidatePath("/", "layout");
    return { ok: true, version: saved.version.version };
  } catch (error) {
    if (isAppError(error)) return pipelineSaveFailure(error);
    if (error instanceof z.ZodError) return { ok: false, message: "This pipeline cannot be saved from here." };
    console.error("[signalhouse] pipeline save failed", error);
    return { ok: false, message: "Saving failed unexpectedly. Your changes are still here; try again." };
  }
}
