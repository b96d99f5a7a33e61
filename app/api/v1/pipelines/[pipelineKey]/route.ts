// PUT /api/v1/pipelines/:pipelineKey — save a new version of a pipeline; statuses it drops that records
// are in need "moves" (409 STATUS_IN_USE otherwise), and those records move in the same transaction
// GET same path — the current version
import { z } from "zod";
import { v1Read, v1Write } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getCurrentPipeline } from "@/lib/pipelines/get-pipeline";
import { PIPELINE_KEY_PATTERN } from "@/lib/pipelines/pipeline-definition";
import { ZPipelinePutBody } from "@/lib/pipelines/pipeline-put-body";
import { writePipelineVersionMovingRecords } from "@/lib/status-changes/save-pipeline-moving-records";

const ZParams = z.object({
  pipelineKey: z.string().regex(PIPELINE_KEY_PATTERN, "use 1–100 letters, digits, '.', '_' or '-'"),
});

export const PUT = v1Write({
  params: ZParams,
  body: ZPipelinePutBody,
  write: async ({ tx, scope, body, params, now }) => {
    const { moves, ...definition } = body;
    const saved = await writePipelineVersionMovingRecords(
      tx,
      scope,
      { key: params.pipelineKey, definition, moves },
      now,
    );
    return {
      id: saved.eventId,
      version: saved.version.version,
      deliveries: saved.moved.flatMap((m) => m.deliveries),
      // Only when records moved, so a plain save answers exactly as before.
      ...(saved.moved.length ? { moved: saved.moved.length } : {}),
    };
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
