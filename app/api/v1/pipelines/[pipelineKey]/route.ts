// PUT /api/v1/pipelines/:pipelineKey — save a new version of a pipeline
// GET same path — the current version
import { z } from "zod";
import { v1Read, v1Write } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getCurrentPipeline } from "@/lib/pipelines/get-pipeline";
import { PIPELINE_KEY_PATTERN, ZPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { writePipelineVersion } from "@/lib/pipelines/save-pipeline-version";

const ZParams = z.object({
  pipelineKey: z.string().regex(PIPELINE_KEY_PATTERN, "use 1–100 letters, digits, '.', '_' or '-'"),
});

export const PUT = v1Write({
  params: ZParams,
  body: ZPipelineDefinition,
  write: async ({ tx, scope, body, params }) => {
    const saved = await writePipelineVersion(tx, scope, { key: params.pipelineKey, definition: body });
    return { id: saved.eventId, version: saved.version.version, deliveries: [] };
  },
});

export const GET = v1Read({
  params: ZParams,
  query: z.object({}).strict(),
  read: async ({ scope, params }) => {
    const current = await getCurrentPipeline(db(), scope, params.pipelineKey);
    if (!current) throw new AppError("NOT_FOUND", `No pipeline ${params.pipelineKey}.`);
    return { key: current.pipeline.key, version: current.version.version, ...current.definition };
  },
});
